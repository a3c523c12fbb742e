import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  approvalCheckChanged,
  approvalCheckKey,
  type Actor,
  type ApprovalCheckScope,
} from '@platform/contracts';
import { NotFoundProblem, ProblemException, RuleViolation, type Page } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import { ProviderService } from '../provider-services/provider-service.entity.js';
import { Provider } from '../providers/provider.entity.js';
import { ServiceProduct } from '../service-registry/service-products/service-product.entity.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { findOrNotFound } from '../shared/lookup.js';
import { findPage, inOneSnapshot } from '@platform/persistence';
import {
  ApprovalCheck,
  ApprovalCheckChange,
  type ApprovalCheckRecord,
} from './approval-check.entities.js';
import {
  APPROVAL_CHECK_SETTERS,
  maySetApprovalCheck,
  resolveApprovalCheck,
  type ApprovalCheckContext,
  type EffectiveApprovalCheck,
} from './approval-check.precedence.js';
import type {
  EffectiveApprovalCheckQuery,
  ListApprovalChecksQuery,
  SetApprovalCheckBody,
} from './approval-check.schemas.js';
import {
  approvalCheckChangeView,
  approvalCheckView,
  type ApprovalCheckHistoryView,
  type ApprovalCheckView,
} from './approval-check.views.js';

const APPROVAL_CHECK = 'Approval check';

/** SVC-8: approval check percentages below the product, their history and their resolution. */
@Injectable()
export class ApprovalChecksService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * SVC-8: sets the percentage of one slot, replacing what was set there (a removed setting comes
   * back under its old id). Setting the same percentage again changes nothing and announces
   * nothing.
   */
  async set(
    body: SetApprovalCheckBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ApprovalCheckView> {
    assertMaySet(actor, body.scope);
    return this.orm.em.fork().transactional(async (em) => {
      const serviceProductId = await slotProduct(em, body);
      const slot = { scope: body.scope, scopeId: body.scopeId, serviceProductId };
      await lockSlot(em, slot);
      const existing = await em.findOne(ApprovalCheck, slot);
      if (existing && existing.percentage === body.percentage) return approvalCheckView(existing);
      const now = new Date();
      let setting: ApprovalCheckRecord;
      if (existing) {
        setting = existing;
      } else {
        setting = em.create(ApprovalCheck, {
          id: randomUUID(),
          ...slot,
          percentage: null,
          revision: 0,
          ...newAudit(actor, now),
        });
      }
      record(em, setting, body.percentage, actor, now, correlationId);
      return approvalCheckView(setting);
    });
  }

  /** SVC-8: removes a setting; the level then defers to the next one. Its history stays. */
  async remove(id: string, actor: Actor, correlationId?: string): Promise<ApprovalCheckView> {
    return this.orm.em.fork().transactional(async (em) => {
      const found = await findOrNotFound(em, ApprovalCheck, APPROVAL_CHECK, id);
      assertMaySet(actor, found.scope);
      await lockSlot(em, { ...found, serviceProductId: found.serviceProductId ?? null });
      const setting = (await em.findOne(ApprovalCheck, { id }, { refresh: true })) as typeof found;
      if (setting.percentage === null) {
        throw new RuleViolation(
          'SVC-8',
          `The approval check ${id} was already removed on ${setting.updatedAt.toISOString()} ` +
            `by ${setting.updatedBy}`,
        );
      }
      record(em, setting, null, actor, new Date(), correlationId);
      return approvalCheckView(setting);
    });
  }

  /** SVC-8: the settings in force, by level, level id and product. */
  list(query: ListApprovalChecksQuery): Promise<Page<ApprovalCheckView>> {
    return findPage(
      this.orm.em.fork(),
      ApprovalCheck,
      {
        percentage: { $ne: null },
        ...(query.scope ? { scope: query.scope } : {}),
        ...(query.scopeId ? { scopeId: query.scopeId } : {}),
        ...(query.serviceProductId ? { serviceProductId: query.serviceProductId } : {}),
      },
      query,
      { scope: 'asc', scopeId: 'asc', serviceProductId: 'asc nulls first', id: 'asc' },
      approvalCheckView,
    );
  }

  /** SVC-8: one setting, also when removed (percentage null). */
  async get(id: string): Promise<ApprovalCheckView> {
    const em = this.orm.em.fork();
    return approvalCheckView(await findOrNotFound(em, ApprovalCheck, APPROVAL_CHECK, id));
  }

  /** SVC-8: who changed the setting from what to what, and when, oldest first. */
  history(id: string): Promise<ApprovalCheckHistoryView> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      const setting = await findOrNotFound(em, ApprovalCheck, APPROVAL_CHECK, id);
      const changes = await em.find(
        ApprovalCheckChange,
        { approvalCheckId: id },
        { orderBy: { revision: 'asc' } },
      );
      return { setting: approvalCheckView(setting), changes: changes.map(approvalCheckChangeView) };
    });
  }

  /**
   * SVC-8: the percentage that applies to a delivery of the product by the provider (service),
   * for the user and organisation unit — the most specific setting (ADR 0011). Unknown product,
   * provider or provider service: 404.
   */
  effective(query: EffectiveApprovalCheckQuery): Promise<EffectiveApprovalCheck> {
    // One snapshot: the product's percentage and the settings are judged as of one moment.
    return inOneSnapshot(this.orm.em.fork(), (em) => effectiveIn(em, query));
  }
}

async function effectiveIn(
  em: EntityManager,
  query: EffectiveApprovalCheckQuery,
): Promise<EffectiveApprovalCheck> {
  let { serviceProductId, providerId } = query;
  if (query.providerServiceId) {
    const service = await findOrNotFound(
      em,
      ProviderService,
      'Provider service',
      query.providerServiceId,
    );
    if (serviceProductId && serviceProductId !== service.serviceProductId) {
      throw unrelated(
        'serviceProductId',
        `the provider service ${service.id} delivers the product ${service.serviceProductId}`,
      );
    }
    if (providerId && providerId !== service.providerId) {
      throw unrelated(
        'providerId',
        `the provider service ${service.id} belongs to the provider ${service.providerId}`,
      );
    }
    serviceProductId = service.serviceProductId;
    providerId = service.providerId;
  }
  const product = await em.findOne(
    ServiceProduct,
    { id: serviceProductId as string },
    { fields: ['id', 'approvalCheckPercentage'] },
  );
  if (!product) throw new NotFoundProblem('Service product', serviceProductId as string);
  if (providerId) await findOrNotFound(em, Provider, 'Provider', providerId);

  const context: ApprovalCheckContext = {
    serviceProductId: product.id,
    productPercentage: product.approvalCheckPercentage,
    ...(query.providerServiceId ? { providerServiceId: query.providerServiceId } : {}),
    ...(providerId ? { providerId } : {}),
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.organisationUnitId ? { organisationUnitId: query.organisationUnitId } : {}),
  };
  const levels = (
    [
      ['provider-service', context.providerServiceId],
      ['provider', context.providerId],
      ['user', context.userId],
      ['organisation-unit', context.organisationUnitId],
    ] as const
  ).filter((level): level is readonly [ApprovalCheckScope, string] => level[1] !== undefined);
  const candidates = levels.length
    ? await em.find(ApprovalCheck, {
        percentage: { $ne: null },
        $and: [
          { $or: levels.map(([scope, scopeId]) => ({ scope, scopeId })) },
          // For the product or for all services (SQL `in` never matches null).
          { $or: [{ serviceProductId: product.id }, { serviceProductId: null }] },
        ],
      })
    : [];
  return resolveApprovalCheck(
    context,
    candidates.map((setting) => ({
      id: setting.id,
      scope: setting.scope,
      scopeId: setting.scopeId,
      serviceProductId: setting.serviceProductId ?? null,
      percentage: setting.percentage ?? null,
    })),
  );
}

/** ROLE / SVC-8: the level in the body (or of the stored setting) decides who may set it. */
function assertMaySet(actor: Actor, scope: ApprovalCheckScope): void {
  if (maySetApprovalCheck(actor.roles, scope)) return;
  throw new RuleViolation(
    'ROLE',
    `Approval checks at ${scope} level are set by ${APPROVAL_CHECK_SETTERS[scope].join(' or ')} ` +
      `(SVC-8); you have ${actor.roles.join(', ') || 'no role'}`,
    403,
  );
}

/** 422 naming the field: the body refers to something that does not exist or does not fit. */
function unrelated(field: string, message: string): ProblemException {
  return new ProblemException({
    type: 'https://provider-platform.dev/problems/rule-violation',
    title: 'Refused by rule SVC-8',
    status: 422,
    detail: `SVC-8: ${field} — ${message}`,
    rule: 'SVC-8',
    errors: [{ field, message: `SVC-8: ${message}` }],
  });
}

/**
 * SVC-8: checks what the body refers to and answers the slot's product: a provider service's own
 * product, else the one given (null: all services). Unknown provider, provider service or product:
 * 422 naming the field.
 */
async function slotProduct(em: EntityManager, body: SetApprovalCheckBody): Promise<string | null> {
  if (body.scope === 'provider') {
    const provider = await em.findOne(Provider, { id: body.scopeId }, { fields: ['id'] });
    if (!provider) throw unrelated('scopeId', `no provider with id ${body.scopeId}`);
  }
  if (body.scope === 'provider-service') {
    const service = await em.findOne(
      ProviderService,
      { id: body.scopeId },
      { fields: ['id', 'serviceProductId'] },
    );
    if (!service) throw unrelated('scopeId', `no provider service with id ${body.scopeId}`);
    if (body.serviceProductId !== null && body.serviceProductId !== service.serviceProductId) {
      throw unrelated(
        'serviceProductId',
        `a provider service's approval check is for its own product ${service.serviceProductId}`,
      );
    }
    return service.serviceProductId;
  }
  if (body.serviceProductId === null) return null;
  const product = await em.findOne(
    ServiceProduct,
    { id: body.serviceProductId },
    { fields: ['id'] },
  );
  if (!product)
    throw unrelated('serviceProductId', `no service product with id ${body.serviceProductId}`);
  return product.id;
}

/**
 * Serialises changes of one slot until the transaction ends, so two concurrent settings of the
 * same slot neither both insert (the unique index would answer 500) nor lose a history entry.
 */
async function lockSlot(
  em: EntityManager,
  slot: { scope: ApprovalCheckScope; scopeId: string; serviceProductId: string | null },
): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?::text, 0))', [
    `approval-check:${approvalCheckKey(slot.scope, slot.scopeId, slot.serviceProductId)}`,
  ]);
}

/** One change of a setting: the new percentage, its history entry and its event (outbox). */
function record(
  em: EntityManager,
  setting: ApprovalCheckRecord,
  percentage: number | null,
  actor: Actor,
  at: Date,
  correlationId: string | undefined,
): void {
  const previousPercentage = setting.percentage ?? null;
  setting.percentage = percentage;
  setting.revision += 1;
  markUpdated(setting, actor, at);
  em.create(ApprovalCheckChange, {
    id: randomUUID(),
    approvalCheckId: setting.id,
    revision: setting.revision,
    previousPercentage,
    percentage,
    changedBy: actor.userId,
    changedAt: at,
  });
  const serviceProductId = setting.serviceProductId ?? null;
  recordEvent(em, approvalCheckChanged, {
    aggregateId: approvalCheckKey(setting.scope, setting.scopeId, serviceProductId),
    ...eventOrigin(actor, correlationId),
    data: {
      settingId: setting.id,
      scope: setting.scope,
      scopeId: setting.scopeId,
      serviceProductId,
      previousPercentage,
      percentage,
      revision: setting.revision,
    },
  });
}
