import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import type { Page } from '@platform/http';
import { markUpdated, newAudit } from '../../shared/audit.js';
import { findOrNotFound } from '../../shared/lookup.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../../shared/name-search.js';
import { withUniqueName } from '../../shared/unique-name.js';
import { ServiceGroup } from './service-group.entity.js';
import type {
  CreateServiceGroupBody,
  ListServiceGroupsQuery,
  UpdateServiceGroupBody,
} from './service-group.schemas.js';
import { serviceGroupView, type ServiceGroupView } from './service-group.view.js';

const WHAT = 'Service group';

@Injectable()
export class ServiceGroupsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** SVC-1: groups are named uniquely, so a product's groups read unambiguously. */
  async create(body: CreateServiceGroupBody, actor: Actor): Promise<ServiceGroupView> {
    return withUniqueName(WHAT, body.name, () =>
      this.orm.em.fork().transactional(async (em) => {
        const group = em.create(ServiceGroup, {
          id: randomUUID(),
          name: body.name,
          description: body.description ?? null,
          ...newAudit(actor),
        });
        await em.flush();
        return serviceGroupView(group);
      }),
    );
  }

  async update(id: string, body: UpdateServiceGroupBody, actor: Actor): Promise<ServiceGroupView> {
    return withUniqueName(WHAT, body.name ?? '', () =>
      this.orm.em.fork().transactional(async (em) => {
        const group = await findOrNotFound(em, ServiceGroup, WHAT, id);
        if (body.name !== undefined) group.name = body.name;
        if (body.description !== undefined) group.description = body.description;
        markUpdated(group, actor);
        await em.flush();
        return serviceGroupView(group);
      }),
    );
  }

  async get(id: string): Promise<ServiceGroupView> {
    return serviceGroupView(await findOrNotFound(this.orm.em.fork(), ServiceGroup, WHAT, id));
  }

  async list(query: ListServiceGroupsQuery): Promise<Page<ServiceGroupView>> {
    const where = query.name ? { name: { $ilike: containsPattern(query.name) } } : {};
    return findPage(
      this.orm.em.fork(),
      ServiceGroup,
      where,
      query,
      { name: 'asc', id: 'asc' },
      serviceGroupView,
    );
  }
}
