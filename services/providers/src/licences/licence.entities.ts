import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../shared/audit.js';
import { LICENCE_HISTORY_ACTIONS, LICENCE_STATUSES } from './licence-lifecycle.js';

/**
 * CRD-2 / CRD-3: a kind of licence the administrator registers (e.g. a foster care licence): its
 * code, the courses every active member of a provider holding it must have completed or waived
 * (CRD-3), and how long a licence of this type is valid unless its period says otherwise.
 */
export const LicenceType = defineEntity({
  name: 'LicenceType',
  tableName: 'licence_type',
  properties: {
    id: p.uuid().primary(),
    /** Upper-case, unique: what contracts name as a required licence type (CTR-2). */
    code: p.text(),
    name: p.text(),
    description: p.text().nullable(),
    /** CRD-3: upper-case training course codes (CRD-4). */
    mandatoryCourseCodes: p.array().fieldName('mandatory_course_codes'),
    defaultValidityMonths: p.integer().fieldName('default_validity_months'),
    ...auditProperties,
  },
});
export type LicenceTypeRecord = InferEntity<typeof LicenceType>;

/**
 * CRD-2: a provider's licence. `periodFrom`–`periodTo` is the current period (the latest of the
 * period history); `validFrom` is the first period's start — periods are contiguous, so the
 * licence, while approved, is valid from `validFrom` to `periodTo`.
 */
export const Licence = defineEntity({
  name: 'Licence',
  tableName: 'licence',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    licenceTypeId: p.uuid().fieldName('licence_type_id'),
    number: p.text(),
    issuingAuthority: p.text().fieldName('issuing_authority'),
    status: p.enum(LICENCE_STATUSES).default('pending'),
    validFrom: p.date().fieldName('valid_from'),
    periodFrom: p.date().fieldName('period_from'),
    periodTo: p.date().fieldName('period_to'),
    /** The reason of the latest suspension, rejection or non-compliance; null otherwise. */
    statusReason: p.text().fieldName('status_reason').nullable(),
    /** CRD-3: the warnings of the latest training check at approval or renewal. */
    trainingWarnings: p.array().fieldName('training_warnings'),
    trainingCheckedOn: p.date().fieldName('training_checked_on').nullable(),
    ...auditProperties,
  },
});
export type LicenceRecord = InferEntity<typeof Licence>;

/** CRD-2: a provider service (of the licence's provider) the licence covers. */
export const LicenceCoverage = defineEntity({
  name: 'LicenceCoverage',
  tableName: 'licence_coverage',
  properties: {
    id: p.uuid().primary(),
    licenceId: p.uuid().fieldName('licence_id'),
    providerServiceId: p.uuid().fieldName('provider_service_id'),
  },
});
export type LicenceCoverageRecord = InferEntity<typeof LicenceCoverage>;

/** CRD-2: the period history — the period as recorded (sequence 1), then one per renewal. */
export const LicencePeriodEntry = defineEntity({
  name: 'LicencePeriodEntry',
  tableName: 'licence_period',
  properties: {
    id: p.uuid().primary(),
    licenceId: p.uuid().fieldName('licence_id'),
    sequence: p.integer(),
    from: p.date().fieldName('from_date'),
    to: p.date().fieldName('to_date'),
    recordedBy: p.text().fieldName('recorded_by'),
    recordedAt: p
      .datetime()
      .fieldName('recorded_at')
      .onCreate(() => new Date()),
  },
});
export type LicencePeriodEntryRecord = InferEntity<typeof LicencePeriodEntry>;

/**
 * CRD-2: who moved a licence through its lifecycle, when, from which status to which, and why
 * (append-only). `requestId` is the idempotency key of a WF-2 decision: one row per key, so a
 * retried activity finds its first result here. The row also keeps the period in force after the
 * move and the CRD-3 warnings shown with an approval or renewal.
 */
export const LicenceStatusChange = defineEntity({
  name: 'LicenceStatusChange',
  tableName: 'licence_status_change',
  properties: {
    id: p.bigint().primary().autoincrement(),
    licenceId: p.uuid().fieldName('licence_id'),
    action: p.enum(LICENCE_HISTORY_ACTIONS),
    fromStatus: p.enum(LICENCE_STATUSES).fieldName('from_status').nullable(),
    toStatus: p.enum(LICENCE_STATUSES).fieldName('to_status'),
    reason: p.text().nullable(),
    periodFrom: p.date().fieldName('period_from'),
    periodTo: p.date().fieldName('period_to'),
    trainingWarnings: p.array().fieldName('training_warnings'),
    requestId: p.text().fieldName('request_id').nullable(),
    actor: p.text(),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type LicenceStatusChangeRecord = InferEntity<typeof LicenceStatusChange>;

export const LICENCE_ENTITIES = [
  LicenceType,
  Licence,
  LicenceCoverage,
  LicencePeriodEntry,
  LicenceStatusChange,
];
