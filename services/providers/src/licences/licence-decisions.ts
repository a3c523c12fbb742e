import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  licenceApproved,
  licenceExpired,
  licenceNonComplianceRecorded,
  licenceRecorded,
  licenceReinstated,
  licenceRejected,
  licenceRenewed,
  licenceSuspended,
  type Actor,
} from '@platform/contracts';
import { NotFoundProblem, RuleViolation } from '@platform/http';
import { addDays, periodEndAfterMonths, type CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { ProviderService } from '../provider-services/provider-service.entity.js';
import { findProvider } from '../providers/provider.lookup.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import {
  applyLicenceAction,
  checkExpiry,
  renewalPeriod,
  type LicencePeriod,
  type LicenceStatus,
} from './licence-lifecycle.js';
import { checkLicenceTraining } from './licence-training.js';
import {
  Licence,
  LicenceCoverage,
  LicencePeriodEntry,
  LicenceStatusChange,
  LicenceType,
  type LicenceRecord,
  type LicenceStatusChangeRecord,
  type LicenceTypeRecord,
} from './licence.entities.js';
import type { RecordLicenceBody } from './licence.schemas.js';
import type { LicenceParts } from './licence.views.js';

/** A CRD-2 decision on a licence, as the HTTP API and the WF-2 activities give it. */
export type LicenceCommand =
  | { action: 'approve'; reason?: string | null }
  | { action: 'reject'; reason: string }
  | { action: 'suspend'; reason: string }
  | { action: 'reinstate'; reason?: string | null }
  | { action: 'renew'; newTo?: CalendarDate | null; reason?: string | null }
  | { action: 'record-non-compliance'; reason: string }
  | { action: 'expire' };

export interface DecisionContext {
  actor: Actor;
  /** The day of the decision: the CRD-3 training check's date, or the expiry date. */
  onDate: CalendarDate;
  correlationId?: string;
  /** WF-2 idempotency key: a decision already recorded under it is returned, not repeated. */
  requestId?: string | null;
  /** When given, a licence of another provider is not found (ROLE-2, nested routes). */
  providerId?: string;
}

export interface LicenceDecision {
  parts: LicenceParts;
  /** The status-history row of the decision (the earlier one when replayed). */
  change: LicenceStatusChangeRecord;
  /** True when nothing was recorded: the same request, or an expired licence expired again. */
  replayed: boolean;
}

const REASON_STATUSES = new Set<LicenceStatus>(['rejected', 'suspended', 'non-compliant']);

const periodOf = (record: { periodFrom: string; periodTo: string }): LicencePeriod => ({
  from: record.periodFrom as CalendarDate,
  to: record.periodTo as CalendarDate,
});

/** The licence (of `providerId` when given), or 404; `forUpdate` serialises its decisions. */
export async function findLicence(
  em: EntityManager,
  licenceId: string,
  options: { providerId?: string; forUpdate?: boolean } = {},
): Promise<LicenceRecord> {
  const licence = await em.findOne(
    Licence,
    { id: licenceId, ...(options.providerId ? { providerId: options.providerId } : {}) },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!licence) throw new NotFoundProblem('Licence', licenceId);
  return licence;
}

/** The licence type, its covered services and its period history, for views and events. */
export async function loadLicenceParts(
  em: EntityManager,
  licences: readonly LicenceRecord[],
): Promise<LicenceParts[]> {
  if (licences.length === 0) return [];
  const ids = licences.map((licence) => licence.id);
  const typeIds = [...new Set(licences.map((licence) => licence.licenceTypeId))];
  const [types, coverage, periods] = await Promise.all([
    em.find(LicenceType, { id: { $in: typeIds } }),
    em.find(
      LicenceCoverage,
      { licenceId: { $in: ids } },
      { orderBy: { providerServiceId: 'asc' } },
    ),
    em.find(
      LicencePeriodEntry,
      { licenceId: { $in: ids } },
      { orderBy: { licenceId: 'asc', sequence: 'asc' } },
    ),
  ]);
  const typesById = new Map(types.map((type) => [type.id, type]));
  return licences.map((licence) => ({
    licence,
    type: typesById.get(licence.licenceTypeId) as LicenceTypeRecord,
    providerServiceIds: coverage
      .filter((row) => row.licenceId === licence.id)
      .map((row) => row.providerServiceId),
    periods: periods.filter((period) => period.licenceId === licence.id),
  }));
}

export async function loadOneLicence(
  em: EntityManager,
  licence: LicenceRecord,
): Promise<LicenceParts> {
  const [parts] = await loadLicenceParts(em, [licence]);
  return parts as LicenceParts;
}

/**
 * CRD-2: records a licence of the provider, pending approval. Its provider services must be the
 * provider's own (422 naming CRD-2 otherwise); with no `to` the period lasts the licence type's
 * default validity.
 */
export async function recordLicence(
  em: EntityManager,
  providerId: string,
  body: RecordLicenceBody,
  actor: Actor,
  correlationId?: string,
): Promise<LicenceParts> {
  await findProvider(em, providerId);
  const type = await em.findOne(LicenceType, { id: body.licenceTypeId });
  if (!type) {
    throw new RuleViolation(
      'CRD-2',
      `licenceTypeId: no licence type with id ${body.licenceTypeId}`,
      422,
    );
  }
  const services = await em.find(
    ProviderService,
    { id: { $in: body.providerServiceIds } },
    { fields: ['id', 'providerId'] },
  );
  const ofProvider = new Set(
    services.filter((service) => service.providerId === providerId).map((service) => service.id),
  );
  const foreign = body.providerServiceIds.filter((id) => !ofProvider.has(id));
  if (foreign.length > 0) {
    throw new RuleViolation(
      'CRD-2',
      `providerServiceIds: a licence covers provider services of its own provider; ` +
        `${foreign.join(', ')} ${foreign.length > 1 ? 'are not services' : 'is not a service'} of provider ${providerId}`,
      422,
    );
  }
  const period: LicencePeriod = {
    from: body.from,
    to: body.to ?? periodEndAfterMonths(body.from, type.defaultValidityMonths),
  };
  const licence = em.create(Licence, {
    id: randomUUID(),
    providerId,
    licenceTypeId: type.id,
    number: body.number,
    issuingAuthority: body.issuingAuthority,
    status: 'pending',
    validFrom: period.from,
    periodFrom: period.from,
    periodTo: period.to,
    statusReason: null,
    trainingWarnings: [],
    trainingCheckedOn: null,
    ...newAudit(actor),
  });
  for (const providerServiceId of body.providerServiceIds) {
    em.create(LicenceCoverage, { id: randomUUID(), licenceId: licence.id, providerServiceId });
  }
  const first = em.create(LicencePeriodEntry, {
    id: randomUUID(),
    licenceId: licence.id,
    sequence: 1,
    from: period.from,
    to: period.to,
    recordedBy: actor.userId,
    recordedAt: new Date(),
  });
  em.create(LicenceStatusChange, {
    licenceId: licence.id,
    action: 'record',
    fromStatus: null,
    toStatus: 'pending',
    reason: null,
    periodFrom: period.from,
    periodTo: period.to,
    trainingWarnings: [],
    requestId: null,
    actor: actor.userId,
    at: new Date(),
  });
  recordEvent(em, licenceRecorded, {
    aggregateId: licence.id,
    ...eventOrigin(actor, correlationId),
    data: {
      licenceId: licence.id,
      providerId,
      licenceTypeId: type.id,
      licenceTypeCode: type.code,
      number: licence.number,
      issuingAuthority: licence.issuingAuthority,
      from: period.from,
      to: period.to,
      providerServiceIds: [...body.providerServiceIds],
    },
  });
  return {
    licence,
    type,
    providerServiceIds: [...body.providerServiceIds].sort(),
    periods: [first],
  };
}

/**
 * CRD-2 / CRD-3: applies one decision to a licence inside the caller's transaction, records it in
 * the status (and period) history and announces it — or refuses it with the rule it breaks
 * (409 for a move the status forbids, 422 for a missing reason or a bad renewal period).
 *
 * Idempotent for WF-2: a decision with a `requestId` already recorded returns that first result
 * and records nothing; expiring an expired licence changes nothing.
 */
export async function decideLicence(
  em: EntityManager,
  licenceId: string,
  command: LicenceCommand,
  context: DecisionContext,
): Promise<LicenceDecision> {
  const licence = await findLicence(em, licenceId, {
    ...(context.providerId ? { providerId: context.providerId } : {}),
    forUpdate: true,
  });
  const requestId = context.requestId ?? null;
  if (requestId) {
    const earlier = await em.findOne(LicenceStatusChange, { licenceId, requestId });
    if (earlier) {
      if (earlier.action !== command.action) {
        throw new RuleViolation(
          'CRD-2',
          `request ${requestId} already recorded a ${earlier.action} of licence ${licenceId}; it cannot also ${command.action} it`,
        );
      }
      return { parts: await loadOneLicence(em, licence), change: earlier, replayed: true };
    }
  }

  const status = licence.status as LicenceStatus;
  const parts = await loadOneLicence(em, licence);
  const periods = parts.periods.map((period): LicencePeriod => ({
    from: period.from as CalendarDate,
    to: period.to as CalendarDate,
  }));

  if (command.action === 'expire') {
    const expiry = checkExpiry({ status, periods }, context.onDate);
    if (!expiry.ok) throw new RuleViolation('CRD-2', expiry.message);
    if (expiry.alreadyExpired) {
      const earlier = await em.findOne(
        LicenceStatusChange,
        { licenceId, action: 'expire' },
        { orderBy: { id: 'desc' } },
      );
      if (earlier) return { parts, change: earlier, replayed: true };
    }
  }

  const reason = 'reason' in command ? command.reason?.trim() || null : null;
  const move = applyLicenceAction(status, command.action, reason);
  if (!move.ok) {
    throw new RuleViolation('CRD-2', move.message, move.field === 'reason' ? 422 : 409);
  }

  let newPeriod: LicencePeriod | null = null;
  if (command.action === 'renew') {
    const current = periodOf(licence);
    const newFrom = addDays(current.to, 1);
    const renewal = renewalPeriod(
      current,
      command.newTo ?? periodEndAfterMonths(newFrom, parts.type.defaultValidityMonths),
    );
    if (!renewal.ok) throw new RuleViolation('CRD-2', renewal.message, 422);
    newPeriod = renewal.period;
  }

  let trainingWarnings: string[] = [];
  if (command.action === 'approve' || command.action === 'renew') {
    const check = await checkLicenceTraining(em, {
      providerId: licence.providerId,
      licenceType: parts.type,
      onDate: context.onDate,
    });
    trainingWarnings = check.warnings;
    licence.trainingWarnings = trainingWarnings;
    licence.trainingCheckedOn = context.onDate;
  }

  const actor = context.actor;
  const origin = eventOrigin(actor, context.correlationId);
  const identity = {
    licenceId: licence.id,
    providerId: licence.providerId,
    licenceTypeId: parts.type.id,
    licenceTypeCode: parts.type.code,
  };
  const previousTo = licence.periodTo as CalendarDate;
  licence.status = move.to;
  // The reason of a refusal-like status stays on the licence; any other move clears it.
  licence.statusReason = REASON_STATUSES.has(move.to) ? reason : null;
  if (newPeriod) {
    licence.periodFrom = newPeriod.from;
    licence.periodTo = newPeriod.to;
    parts.periods.push(
      em.create(LicencePeriodEntry, {
        id: randomUUID(),
        licenceId: licence.id,
        sequence: parts.periods.length + 1,
        from: newPeriod.from,
        to: newPeriod.to,
        recordedBy: actor.userId,
        recordedAt: new Date(),
      }),
    );
  }
  markUpdated(licence, actor);
  const change = em.create(LicenceStatusChange, {
    licenceId: licence.id,
    action: command.action,
    fromStatus: status,
    toStatus: move.to,
    reason,
    periodFrom: licence.periodFrom,
    periodTo: licence.periodTo,
    trainingWarnings,
    requestId,
    actor: actor.userId,
    at: new Date(),
  });

  const period = periodOf(licence);
  switch (command.action) {
    case 'approve':
      recordEvent(em, licenceApproved, {
        aggregateId: licence.id,
        ...origin,
        data: {
          ...identity,
          previousStatus: status as 'pending' | 'rejected',
          ...period,
          providerServiceIds: parts.providerServiceIds,
          trainingWarnings,
        },
      });
      break;
    case 'reject':
      recordEvent(em, licenceRejected, {
        aggregateId: licence.id,
        ...origin,
        data: { ...identity, reason: reason as string },
      });
      break;
    case 'suspend':
      recordEvent(em, licenceSuspended, {
        aggregateId: licence.id,
        ...origin,
        data: { ...identity, reason: reason as string },
      });
      break;
    case 'reinstate':
      recordEvent(em, licenceReinstated, {
        aggregateId: licence.id,
        ...origin,
        data: { ...identity, ...period, reason },
      });
      break;
    case 'renew':
      recordEvent(em, licenceRenewed, {
        aggregateId: licence.id,
        ...origin,
        data: { ...identity, previousTo, ...period, trainingWarnings },
      });
      break;
    case 'record-non-compliance':
      recordEvent(em, licenceNonComplianceRecorded, {
        aggregateId: licence.id,
        ...origin,
        data: {
          ...identity,
          previousStatus: status as 'approved' | 'suspended',
          reason: reason as string,
        },
      });
      break;
    case 'expire':
      recordEvent(em, licenceExpired, {
        aggregateId: licence.id,
        ...origin,
        data: {
          ...identity,
          previousStatus: status as 'approved' | 'suspended',
          to: period.to,
          providerServiceIds: parts.providerServiceIds,
        },
      });
      break;
  }
  return { parts, change, replayed: false };
}
