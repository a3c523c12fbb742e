import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  providerApproved,
  providerClosed,
  providerEnrolled,
  providerRejected,
  providerReopened,
  providerSuspended,
  type Actor,
  type EventDefinition,
} from '@platform/contracts';
import {
  assertMayAccessProvider,
  RuleViolation,
  ValidationProblem,
  type Page,
} from '@platform/http';
import { recordEvent } from '@platform/messaging';
import { findPage } from '@platform/persistence';
import { providerSearchFilter, providerSearchOrder } from './provider-search.js';
import { applyLifecycleAction, type LifecycleAction } from './provider-lifecycle.js';
import {
  ProviderStatusChange,
  type ProviderStatusChangeRecord,
} from './provider-status-change.entity.js';
import type {
  EnrolProviderBody,
  LifecycleBody,
  ListProvidersQuery,
  UpdateProviderBody,
} from './provider.schemas.js';
import { Provider, type ProviderRecord } from './provider.entity.js';
import { findProvider } from './provider.lookup.js';

const EVENT_FOR: Record<LifecycleAction, EventDefinition> = {
  approve: providerApproved,
  reinstate: providerApproved,
  reject: providerRejected,
  suspend: providerSuspended,
  close: providerClosed,
  reopen: providerReopened,
};

@Injectable()
export class ProvidersService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** PRV-3: enrols a provider directly (no inquiry), with its `provider.enrolled` event. */
  async enrol(body: EnrolProviderBody, actor: Actor): Promise<ProviderRecord> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = em.create(Provider, {
        ...body,
        id: randomUUID(),
        enrolledBy: actor.userId,
        updatedBy: actor.userId,
      });
      em.create(ProviderStatusChange, {
        providerId: provider.id,
        action: 'enrol',
        fromStatus: null,
        toStatus: 'enrolled',
        reason: null,
        actor: actor.userId,
      });
      recordEvent(em, providerEnrolled, {
        aggregateId: provider.id,
        actor,
        data: { providerId: provider.id, name: provider.name, fromInquiryId: null },
      });
      return provider;
    });
  }

  async get(id: string, actor: Actor): Promise<ProviderRecord> {
    assertMayAccessProvider(actor, id);
    return findProvider(this.orm.em.fork(), id);
  }

  /**
   * Provider search by name, city, status, category and type, specialty and service (PRV-3); staff
   * see every provider, a provider's own user only itself (ROLE-2).
   */
  async list(query: ListProvidersQuery, actor: Actor): Promise<Page<ProviderRecord>> {
    const where = providerSearchFilter(query, actor);
    return findPage(
      this.orm.em.fork(),
      Provider,
      where,
      query,
      providerSearchOrder(query),
      (provider) => provider,
    );
  }

  /** PRV-3: changes enrolment details; capacities are checked against the stored values too. */
  async update(id: string, body: UpdateProviderBody, actor: Actor): Promise<ProviderRecord> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await findProvider(em, id, { forUpdate: true });
      const physical =
        body.physicalCapacity !== undefined ? body.physicalCapacity : provider.physicalCapacity;
      const designated =
        body.designatedCapacity !== undefined
          ? body.designatedCapacity
          : provider.designatedCapacity;
      if (physical != null && designated != null && designated > physical) {
        throw new RuleViolation(
          'PRV-3',
          `Designated capacity (${designated}) cannot exceed physical capacity (${physical})`,
          422,
        );
      }
      Object.assign(provider, body, { updatedBy: actor.userId });
      return provider;
    });
  }

  /** PRV-1: moves the provider through its lifecycle, with history and the matching event. */
  async changeStatus(id: string, body: LifecycleBody, actor: Actor): Promise<ProviderRecord> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await findProvider(em, id, { forUpdate: true });
      const result = applyLifecycleAction(provider.status, body.action, body.reason);
      if (!result.ok) {
        if (result.field === 'reason') {
          throw new ValidationProblem([{ field: 'reason', message: result.message }]);
        }
        throw new RuleViolation('PRV-1', result.message);
      }
      const reason = body.reason?.trim() || null;
      provider.status = result.to;
      provider.updatedBy = actor.userId;
      em.create(ProviderStatusChange, {
        providerId: id,
        action: body.action,
        fromStatus: result.from,
        toStatus: result.to,
        reason,
        actor: actor.userId,
      });
      recordEvent(em, EVENT_FOR[body.action], {
        aggregateId: id,
        actor,
        data: { providerId: id, previousStatus: result.from, reason },
      });
      return provider;
    });
  }

  async history(id: string, actor: Actor): Promise<ProviderStatusChangeRecord[]> {
    await this.get(id, actor);
    return this.orm.em
      .fork()
      .find(ProviderStatusChange, { providerId: id }, { orderBy: { id: 'asc' } });
  }
}
