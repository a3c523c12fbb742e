import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { serviceProductCreated, serviceProductUpdated, type Actor } from '@platform/contracts';
import { RuleViolation, type Page } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import { findServiceGroups } from '../service-groups/service-group.lookup.js';
import { eventOrigin } from '../../shared/event-origin.js';
import { markUpdated, newAudit } from '../../shared/audit.js';
import { changedFields } from '../../shared/changed-fields.js';
import { findPageWithRelated } from '@platform/persistence';
import { containsPattern } from '../../shared/name-search.js';
import { throwIfRuleIssues } from '../../shared/rule-issues.js';
import { changedPayByFlags } from './pay-by.js';
import { mergeConfiguration, productConfigurationIssues } from './product-configuration.js';
import { ServiceProduct, type ServiceProductRecord } from './service-product.entity.js';
import { findServiceProduct } from './service-product.lookup.js';
import type {
  CreateServiceProductBody,
  ListServiceProductsQuery,
  UpdateServiceProductBody,
} from './service-product.schemas.js';
import { serviceProductView, snapshotOf, type ServiceProductView } from './service-product.view.js';

@Injectable()
export class ServiceProductsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** SVC-1 … SVC-10: registers the product and announces it in the same transaction. */
  async create(
    body: CreateServiceProductBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceProductView> {
    return this.orm.em.fork().transactional(async (em) => {
      const { serviceGroupIds, ...fields } = body;
      const product = em.create(ServiceProduct, {
        id: randomUUID(),
        ...fields,
        serviceGroups: await findServiceGroups(em, serviceGroupIds),
        ...newAudit(actor),
      });
      recordEvent(em, serviceProductCreated, {
        aggregateId: product.id,
        ...eventOrigin(actor, correlationId),
        data: snapshotOf(product),
      });
      return serviceProductView(product);
    });
  }

  /**
   * Applies a change. The pay-by flags cannot change (SVC-4, 409); the merged configuration must
   * still keep SVC-4/6/9 (400 naming the field). A change that changes nothing records no event.
   */
  async update(
    id: string,
    body: UpdateServiceProductBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceProductView> {
    return this.orm.em.fork().transactional(async (em) => {
      const product = await findServiceProduct(em, id, { forUpdate: true });
      refusePayByChange(product, body);
      const attendanceTracking = mergeConfiguration(
        product.attendanceTracking,
        body.attendanceTracking,
      );
      const delivery = mergeConfiguration(product.delivery, body.delivery);
      throwIfRuleIssues(
        productConfigurationIssues({
          payBasedOnAttendance: product.payBasedOnAttendance,
          payBasedOnPlacement: product.payBasedOnPlacement,
          attendanceTracking,
          delivery,
        }),
      );

      const before = snapshotOf(product);
      const {
        serviceGroupIds,
        payBasedOnAttendance: _a,
        payBasedOnPlacement: _p,
        ...fields
      } = body;
      em.assign(product, { ...fields, attendanceTracking, delivery });
      if (serviceGroupIds) product.serviceGroups.set(await findServiceGroups(em, serviceGroupIds));
      const after = snapshotOf(product);

      const changed = changedFields(before, after);
      if (changed.length === 0) return serviceProductView(product);
      markUpdated(product, actor);
      recordEvent(em, serviceProductUpdated, {
        aggregateId: product.id,
        ...eventOrigin(actor, correlationId),
        data: { ...after, changedFields: changed },
      });
      return serviceProductView(product);
    });
  }

  async get(id: string): Promise<ServiceProductView> {
    return serviceProductView(await findServiceProduct(this.orm.em.fork(), id));
  }

  /** SVC-1: search by name substring (case-insensitive), unit of measure and service group. */
  async list(query: ListServiceProductsQuery): Promise<Page<ServiceProductView>> {
    const where = {
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      ...(query.unitOfMeasure ? { unitOfMeasure: query.unitOfMeasure } : {}),
      ...(query.serviceGroupId ? { serviceGroups: { id: query.serviceGroupId } } : {}),
    };
    return findPageWithRelated(
      this.orm.em.fork(),
      ServiceProduct,
      where,
      query,
      { name: 'asc', id: 'asc' },
      async (products, em) => {
        await em.populate(products, ['serviceGroups']);
        return products.map(serviceProductView);
      },
    );
  }
}

/** SVC-4: the pay-by flags were chosen at creation; repeating them is fine, changing them is not. */
function refusePayByChange(product: ServiceProductRecord, body: UpdateServiceProductBody): void {
  const changed = changedPayByFlags(product, body);
  if (changed.length === 0) return;
  throw new RuleViolation(
    'SVC-4',
    `${changed.join(' and ')} cannot change after the product is created; ` +
      'register a new service product with the right payment configuration instead',
  );
}
