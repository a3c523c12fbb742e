import { ApplicationFailure } from '@temporalio/common';
import type {
  ExpireLicenceInput,
  GetLicenceForRenewalInput,
  LicenceDecisionRecorded,
  LicenceForRenewal,
  LicencePeriodDates,
  LicenceStatusName,
  ProvidersActivities,
  RecordLicenceNonComplianceInput,
  ReinstateLicenceInput,
  RenewLicenceInput,
  SuspendLicenceInput,
} from '@platform/contracts';
import { addDays, type CalendarDate } from '@platform/kernel';

type LicenceActivities = Pick<
  ProvidersActivities,
  | 'getLicenceForRenewal'
  | 'renewLicence'
  | 'recordLicenceNonCompliance'
  | 'suspendLicence'
  | 'reinstateLicence'
  | 'expireLicence'
>;

export interface StoredLicence {
  licenceId: string;
  providerId: string;
  number: string;
  status: LicenceStatusName;
  periods: LicencePeriodDates[];
  trainingWarnings: string[];
  defaultValidityMonths: number;
}

type Action = LicenceDecisionRecorded['action'];

/** CRD-2 moves the stand-in allows, as the providers service's licence lifecycle does. */
const ALLOWED_FROM: Record<Action, readonly LicenceStatusName[]> = {
  renew: ['approved'],
  'record-non-compliance': ['approved', 'suspended'],
  suspend: ['approved'],
  reinstate: ['suspended'],
  expire: ['approved', 'suspended'],
};

const STATUS_AFTER: Record<Action, LicenceStatusName | null> = {
  renew: null,
  'record-non-compliance': 'non-compliant',
  suspend: 'suspended',
  reinstate: 'approved',
  expire: 'expired',
};

/** A refusal of the providers service: non-retryable and named after the rule (CRD-2). */
function refused(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'CRD-2', message, nonRetryable: true });
}

/**
 * The providers service's WF-2 activities in memory: licences with a status and a period history,
 * every call recorded, decisions idempotent by request id and refusals (CRD-2) non-retryable, like
 * the real ones (the providers service's own tests cover those).
 */
export class InMemoryLicences implements LicenceActivities {
  readonly lookups: GetLicenceForRenewalInput[] = [];
  readonly renewals: RenewLicenceInput[] = [];
  readonly nonCompliance: RecordLicenceNonComplianceInput[] = [];
  readonly suspensions: SuspendLicenceInput[] = [];
  readonly reinstatements: ReinstateLicenceInput[] = [];
  readonly expiries: ExpireLicenceInput[] = [];
  private readonly licences = new Map<string, StoredLicence>();
  private readonly decided = new Map<string, LicenceDecisionRecorded>();

  /** An approved licence, as the providers service holds it when its renewal process starts. */
  add(licence: Omit<StoredLicence, 'status'> & { status?: LicenceStatusName }): StoredLicence {
    const stored = { status: 'approved' as const, ...licence };
    this.licences.set(licence.licenceId, stored);
    return stored;
  }

  licence(licenceId: string): StoredLicence {
    const licence = this.licences.get(licenceId);
    if (!licence) throw ApplicationFailure.create({ type: 'LicenceNotFound', nonRetryable: true });
    return licence;
  }

  /** What a resource manager does over the providers HTTP API, outside the process. */
  renewOverHttp(licenceId: string, newTo: string): void {
    const licence = this.licence(licenceId);
    licence.periods.push({
      from: addDays(currentPeriod(licence).to as CalendarDate, 1),
      to: newTo,
    });
  }

  async getLicenceForRenewal(input: GetLicenceForRenewalInput): Promise<LicenceForRenewal> {
    this.lookups.push(input);
    const licence = this.licence(input.licenceId);
    const period = currentPeriod(licence);
    return {
      licenceId: licence.licenceId,
      providerId: licence.providerId,
      licenceTypeId: 'type-foster-care',
      licenceTypeCode: 'FOSTER',
      licenceTypeName: 'Foster care licence',
      defaultValidityMonths: licence.defaultValidityMonths,
      number: licence.number,
      issuingAuthority: 'State Licensing Board',
      status: licence.status,
      period: { ...period },
      periods: licence.periods.map((p) => ({ ...p })),
      providerServiceIds: ['service-residential'],
      validOnDate:
        licence.status === 'approved' &&
        licence.periods.some((p) => p.from <= input.onDate && input.onDate <= p.to),
      checkedOn: input.onDate,
      trainingWarnings: [...licence.trainingWarnings],
    };
  }

  async renewLicence(input: RenewLicenceInput): Promise<LicenceDecisionRecorded> {
    this.renewals.push(input);
    return this.decide(input.requestId, input.licenceId, 'renew', input.decidedBy, null, (l) => {
      l.periods.push({ from: addDays(currentPeriod(l).to as CalendarDate, 1), to: input.newTo });
    });
  }

  async recordLicenceNonCompliance(
    input: RecordLicenceNonComplianceInput,
  ): Promise<LicenceDecisionRecorded> {
    this.nonCompliance.push(input);
    const { requestId, licenceId, decidedBy, reason } = input;
    return this.decide(requestId, licenceId, 'record-non-compliance', decidedBy, reason);
  }

  async suspendLicence(input: SuspendLicenceInput): Promise<LicenceDecisionRecorded> {
    this.suspensions.push(input);
    const { requestId, licenceId, decidedBy, reason } = input;
    return this.decide(requestId, licenceId, 'suspend', decidedBy, reason);
  }

  async reinstateLicence(input: ReinstateLicenceInput): Promise<LicenceDecisionRecorded> {
    this.reinstatements.push(input);
    const { requestId, licenceId, decidedBy } = input;
    return this.decide(requestId, licenceId, 'reinstate', decidedBy, input.reason ?? null);
  }

  async expireLicence(input: ExpireLicenceInput): Promise<LicenceDecisionRecorded> {
    this.expiries.push(input);
    const licence = this.licence(input.licenceId);
    if (licence.status !== 'expired' && currentPeriod(licence).to >= input.onDate) {
      throw refused(`the licence's period runs to ${currentPeriod(licence).to}`);
    }
    const requestId = `expire/${input.licenceId}`;
    return this.decide(requestId, input.licenceId, 'expire', 'system', null);
  }

  private decide(
    requestId: string,
    licenceId: string,
    action: Action,
    decidedBy: string,
    reason: string | null,
    change?: (licence: StoredLicence) => void,
  ): LicenceDecisionRecorded {
    const earlier = this.decided.get(requestId);
    if (earlier) return earlier;
    const licence = this.licence(licenceId);
    if (!ALLOWED_FROM[action].includes(licence.status)) {
      throw refused(`a ${licence.status} licence cannot be ${action}d`);
    }
    if (['record-non-compliance', 'suspend'].includes(action) && !reason?.trim()) {
      throw refused(`a reason is required to ${action}`);
    }
    change?.(licence);
    licence.status = STATUS_AFTER[action] ?? licence.status;
    const recorded: LicenceDecisionRecorded = {
      licenceId,
      providerId: licence.providerId,
      action,
      status: licence.status,
      period: { ...currentPeriod(licence) },
      reason,
      trainingWarnings: action === 'renew' ? [...licence.trainingWarnings] : [],
      decidedBy,
      decidedAt: '2026-11-22T12:00:00.000Z',
    };
    this.decided.set(requestId, recorded);
    return recorded;
  }
}

function currentPeriod(licence: StoredLicence): LicencePeriodDates {
  const period = licence.periods.at(-1);
  if (!period) throw new Error(`licence ${licence.licenceId} has no period`);
  return period;
}
