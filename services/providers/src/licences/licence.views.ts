import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import {
  availableLicenceActions,
  licenceValidOn,
  type LicenceStatus,
} from './licence-lifecycle.js';
import type {
  LicencePeriodEntryRecord,
  LicenceRecord,
  LicenceStatusChangeRecord,
  LicenceTypeRecord,
} from './licence.entities.js';

const date = (value: string) => value as CalendarDate;

export type LicenceTypeView = ReturnType<typeof licenceTypeView>;

export function licenceTypeView(type: LicenceTypeRecord) {
  return {
    id: type.id,
    code: type.code,
    name: type.name,
    description: type.description ?? null,
    mandatoryCourseCodes: [...type.mandatoryCourseCodes],
    defaultValidityMonths: type.defaultValidityMonths,
    ...auditView(type),
  };
}

export type LicencePeriodView = ReturnType<typeof licencePeriodView>;

export function licencePeriodView(period: LicencePeriodEntryRecord) {
  return {
    sequence: period.sequence,
    from: date(period.from),
    to: date(period.to),
    recordedBy: period.recordedBy,
    recordedAt: period.recordedAt.toISOString(),
  };
}

/** Everything a licence view is made of, loaded together. */
export interface LicenceParts {
  licence: LicenceRecord;
  type: LicenceTypeRecord;
  providerServiceIds: string[];
  /** Oldest first. */
  periods: LicencePeriodEntryRecord[];
}

export type LicenceView = ReturnType<typeof licenceView>;

/**
 * CRD-2: a licence as the API shows it: the current period and the whole period history, the
 * provider services it covers, whether it is valid on `today`, the CRD-3 warnings of its latest
 * approval or renewal, and the actions open to it.
 */
export function licenceView(parts: LicenceParts, today: CalendarDate) {
  const { licence, type } = parts;
  const status = licence.status as LicenceStatus;
  const periods = parts.periods.map(licencePeriodView);
  return {
    id: licence.id,
    providerId: licence.providerId,
    licenceTypeId: type.id,
    licenceTypeCode: type.code,
    licenceTypeName: type.name,
    number: licence.number,
    issuingAuthority: licence.issuingAuthority,
    status,
    statusReason: licence.statusReason ?? null,
    period: { from: date(licence.periodFrom), to: date(licence.periodTo) },
    periods,
    providerServiceIds: [...parts.providerServiceIds],
    validToday: licenceValidOn({ status, periods }, today),
    trainingWarnings: [...licence.trainingWarnings],
    trainingCheckedOn: (licence.trainingCheckedOn ?? null) as CalendarDate | null,
    availableActions: availableLicenceActions(status),
    ...auditView(licence),
  };
}

export type LicenceStatusChangeView = ReturnType<typeof licenceStatusChangeView>;

/** CRD-2: one move of the licence's status history. */
export function licenceStatusChangeView(change: LicenceStatusChangeRecord) {
  return {
    action: change.action,
    fromStatus: change.fromStatus ?? null,
    toStatus: change.toStatus,
    reason: change.reason ?? null,
    period: { from: date(change.periodFrom), to: date(change.periodTo) },
    trainingWarnings: [...change.trainingWarnings],
    requestId: change.requestId ?? null,
    actor: change.actor,
    at: change.at.toISOString(),
  };
}
