import type { MikroORM } from '@mikro-orm/postgresql';
import {
  hasAnyRole,
  SYSTEM_ACTOR,
  type Actor,
  type ExpireLicenceInput,
  type GetLicenceForRenewalInput,
  type LicenceDecisionInput,
  type LicenceDecisionRecorded,
  type LicenceForRenewal,
  type LicenceStatusName,
  type RecordLicenceNonComplianceInput,
  type ReinstateLicenceInput,
  type RenewLicenceInput,
  type SuspendLicenceInput,
} from '@platform/contracts';
import { ProblemException } from '@platform/http';
import { parseCalendarDate, type CalendarDate } from '@platform/kernel';
import { businessRejection } from '@platform/temporal';
import { PROVIDER_RECORD_MANAGERS } from '../shared/roles.js';
import {
  decideLicence,
  findLicence,
  loadOneLicence,
  type LicenceCommand,
  type LicenceDecision,
} from '../licences/licence-decisions.js';
import { licenceValidOn, type LicencePeriod } from '../licences/licence-lifecycle.js';
import { checkLicenceTraining } from '../licences/licence-training.js';
import { todayDate } from '../shared/today.js';

/**
 * The activities of the licence renewal process (WF-2). Each applies the same domain function as
 * the HTTP API, in one transaction with its event (outbox). Refusals — a move the licence's status
 * forbids (CRD-2), an unknown licence, a decider without the role — are non-retryable business
 * rejections named after the rule. Decisions are idempotent by `requestId`: a retry after the
 * commit returns the first result and records nothing twice.
 */

/** A refusal of the domain, as a non-retryable failure named after the rule it breaks. */
function asBusinessRejection(error: unknown): unknown {
  if (error instanceof ProblemException) {
    const problem = error.problem;
    const type = problem.rule ?? (problem.status === 404 ? 'LicenceNotFound' : 'LicenceRefused');
    return businessRejection(type, problem.detail ?? problem.title);
  }
  return error;
}

function date(value: string, field: string): CalendarDate {
  try {
    return parseCalendarDate(value);
  } catch {
    throw businessRejection(
      'InvalidInput',
      `${field} must be a calendar date (YYYY-MM-DD), not ${value}`,
    );
  }
}

function deciderOf(input: LicenceDecisionInput): Actor {
  // ARCHITECTURE rule 6: the workflow's update validator checks the role first; this is the
  // owning service's own check, so no decision is recorded on behalf of someone not allowed.
  // CRD-2: whoever manages licences over HTTP decides on them here too.
  if (!hasAnyRole({ roles: input.decidedByRoles }, PROVIDER_RECORD_MANAGERS)) {
    throw businessRejection(
      'ROLE',
      `${input.decidedBy} may not decide on licences: one of ${PROVIDER_RECORD_MANAGERS.join(', ')} is required`,
    );
  }
  return { userId: input.decidedBy, roles: [...input.decidedByRoles] };
}

function recorded(decision: LicenceDecision): LicenceDecisionRecorded {
  const { change, parts } = decision;
  return {
    licenceId: parts.licence.id,
    providerId: parts.licence.providerId,
    action: change.action as LicenceDecisionRecorded['action'],
    status: change.toStatus as LicenceStatusName,
    period: { from: change.periodFrom, to: change.periodTo },
    reason: change.reason ?? null,
    trainingWarnings: [...change.trainingWarnings],
    decidedBy: change.actor,
    decidedAt: change.at.toISOString(),
  };
}

async function decide(
  orm: MikroORM,
  licenceId: string,
  command: LicenceCommand,
  context: { actor: Actor; onDate: CalendarDate; requestId: string | null; workflowId: string },
): Promise<LicenceDecisionRecorded> {
  try {
    return await orm.em.fork().transactional(async (em) =>
      recorded(
        await decideLicence(em, licenceId, command, {
          actor: context.actor,
          onDate: context.onDate,
          requestId: context.requestId,
          correlationId: context.workflowId,
        }),
      ),
    );
  } catch (error) {
    throw asBusinessRejection(error);
  }
}

/** WF-2: the licence, its periods and the CRD-3 training warnings as of `onDate`. */
export async function getLicenceForRenewal(
  orm: MikroORM,
  input: GetLicenceForRenewalInput,
): Promise<LicenceForRenewal> {
  const onDate = date(input.onDate, 'onDate');
  try {
    const em = orm.em.fork();
    const parts = await loadOneLicence(em, await findLicence(em, input.licenceId));
    const { licence, type } = parts;
    const periods: LicencePeriod[] = parts.periods.map((period) => ({
      from: period.from as CalendarDate,
      to: period.to as CalendarDate,
    }));
    const check = await checkLicenceTraining(em, {
      providerId: licence.providerId,
      licenceType: type,
      onDate,
    });
    return {
      licenceId: licence.id,
      providerId: licence.providerId,
      licenceTypeId: type.id,
      licenceTypeCode: type.code,
      licenceTypeName: type.name,
      defaultValidityMonths: type.defaultValidityMonths,
      number: licence.number,
      issuingAuthority: licence.issuingAuthority,
      status: licence.status as LicenceStatusName,
      period: { from: licence.periodFrom, to: licence.periodTo },
      periods: periods.map((period) => ({ from: period.from, to: period.to })),
      providerServiceIds: parts.providerServiceIds,
      validOnDate: licenceValidOn({ status: licence.status, periods }, onDate),
      checkedOn: onDate,
      trainingWarnings: check.warnings,
    };
  } catch (error) {
    throw asBusinessRejection(error);
  }
}

/** WF-2 / CRD-2: renews the licence for a new period (with the CRD-3 warnings); idempotent. */
export async function renewLicence(
  orm: MikroORM,
  input: RenewLicenceInput,
): Promise<LicenceDecisionRecorded> {
  const actor = deciderOf(input);
  const newTo = date(input.newTo, 'newTo');
  const onDate = input.onDate ? date(input.onDate, 'onDate') : todayDate();
  return decide(
    orm,
    input.licenceId,
    { action: 'renew', newTo },
    {
      actor,
      onDate,
      requestId: input.requestId,
      workflowId: input.workflowId,
    },
  );
}

/** WF-2 / CRD-2: instead of renewing, records why the licence is non-compliant; idempotent. */
export async function recordLicenceNonCompliance(
  orm: MikroORM,
  input: RecordLicenceNonComplianceInput,
): Promise<LicenceDecisionRecorded> {
  const actor = deciderOf(input);
  return decide(
    orm,
    input.licenceId,
    { action: 'record-non-compliance', reason: input.reason },
    { actor, onDate: todayDate(), requestId: input.requestId, workflowId: input.workflowId },
  );
}

/** WF-2 / CRD-2: suspends an approved licence with a reason; idempotent. */
export async function suspendLicence(
  orm: MikroORM,
  input: SuspendLicenceInput,
): Promise<LicenceDecisionRecorded> {
  const actor = deciderOf(input);
  return decide(
    orm,
    input.licenceId,
    { action: 'suspend', reason: input.reason },
    { actor, onDate: todayDate(), requestId: input.requestId, workflowId: input.workflowId },
  );
}

/** WF-2 / CRD-2: reinstates a suspended licence; idempotent. */
export async function reinstateLicence(
  orm: MikroORM,
  input: ReinstateLicenceInput,
): Promise<LicenceDecisionRecorded> {
  const actor = deciderOf(input);
  return decide(
    orm,
    input.licenceId,
    { action: 'reinstate', reason: input.reason ?? null },
    { actor, onDate: todayDate(), requestId: input.requestId, workflowId: input.workflowId },
  );
}

/**
 * WF-2 / CRD-2: the licence's period ended without renewal — it expires, and `licence.expired`
 * tells contracts. Expiring an expired licence changes nothing and returns the first result; a
 * licence whose (renewed) period covers `onDate` is refused (non-retryable CRD-2).
 */
export async function expireLicence(
  orm: MikroORM,
  input: ExpireLicenceInput,
): Promise<LicenceDecisionRecorded> {
  return decide(
    orm,
    input.licenceId,
    { action: 'expire' },
    {
      actor: SYSTEM_ACTOR,
      onDate: date(input.onDate, 'onDate'),
      requestId: null,
      workflowId: input.workflowId,
    },
  );
}
