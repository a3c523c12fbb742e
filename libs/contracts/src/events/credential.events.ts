import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * CRD-4 trainings and CRD-5 certifications belong to the person, not to a provider: a member may be
 * unassigned or belong to several providers over time, and what they learnt follows them. So their
 * events are on the `member` aggregate (like CRD-6 background checks), keyed by member id, which
 * keeps one person's credentials in order on `providers.member`.
 */
const member = { owner: 'providers', aggregateType: 'member' } as const;

/**
 * CRD-1: accreditations are the provider's credentials, so their events are on the `provider`
 * aggregate and stay ordered with its lifecycle (an accreditation ended before the provider closed
 * is seen in that order).
 */
const provider = { owner: 'providers', aggregateType: 'provider' } as const;

const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_MEMBER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000101';
const EXAMPLE_SERVICE_PRODUCT_ID = '0199a3c2-9a10-7cc0-8d5e-000000000031';
const EXAMPLE_TRAINING_ID = '0199a3c2-9a10-7cc0-8d5e-000000000701';
const EXAMPLE_CERTIFICATION_ID = '0199a3c2-9a10-7cc0-8d5e-000000000801';
const EXAMPLE_CERTIFICATION_TYPE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000811';
const EXAMPLE_ACCREDITATION_ID = '0199a3c2-9a10-7cc0-8d5e-000000000901';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Credits and units: non-negative, at most two decimals. */
const credits = z.number().min(0);

/** CRD-4: managed (run by the agency for a provider) or unmanaged (taken elsewhere). */
export const TRAINING_KINDS = ['managed', 'unmanaged'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
/** CRD-4: whether a managed training must be completed (or waived) or is only recommended. */
export const TRAINING_REQUIREMENTS = ['mandatory', 'recommended'] as const;
export type TrainingRequirement = (typeof TRAINING_REQUIREMENTS)[number];
/** CRD-4: assigned → approved → completed; assigned | approved → waived. */
export const TRAINING_STATUSES = ['assigned', 'approved', 'completed', 'waived'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
/** CRD-5: who issues certifications of a type. */
export const CERTIFICATION_ISSUERS = ['agency', 'third-party'] as const;
export type CertificationIssuer = (typeof CERTIFICATION_ISSUERS)[number];

/** CRD-4: a member completed a training (a managed one recorded complete, or an unmanaged one). */
export const memberTrainingCompleted = defineEvent({
  ...member,
  type: 'member-training.completed',
  version: 1,
  description:
    'A member completed a training (CRD-4): a managed training (arranged for `providerId` through ' +
    'training service product `serviceProductId`) recorded complete, or an unmanaged training ' +
    'taken elsewhere. `courseCode` is the registered course (null for a free-text course); ' +
    '`units` the units completed when recorded. The member now meets the course from `completedOn` ' +
    '(SVC-10, CRD-3).',
  schema: z.object({
    memberId: z.uuid(),
    trainingId: z.uuid(),
    kind: z.enum(TRAINING_KINDS),
    courseCode: z.string().min(1).nullable(),
    courseName: z.string().min(1),
    trainingProviderName: z.string().nullable(),
    providerId: z.uuid().nullable(),
    serviceProductId: z.uuid().nullable(),
    completedOn: calendarDate,
    units: credits.nullable(),
  }),
  example: {
    memberId: EXAMPLE_MEMBER_ID,
    trainingId: EXAMPLE_TRAINING_ID,
    kind: 'managed',
    courseCode: 'FIRST-AID',
    courseName: 'First aid for carers',
    trainingProviderName: null,
    providerId: EXAMPLE_PROVIDER_ID,
    serviceProductId: EXAMPLE_SERVICE_PRODUCT_ID,
    completedOn: '2026-03-14',
    units: 6,
  },
});

/** CRD-4: a managed training was waived: the member need not complete it. */
export const memberTrainingWaived = defineEvent({
  ...member,
  type: 'member-training.waived',
  version: 1,
  description:
    'A managed training of a member was waived (CRD-4), with the reason: the member need not ' +
    'complete the course, which then counts as met for training requirements (SVC-10, CRD-3).',
  schema: z.object({
    memberId: z.uuid(),
    trainingId: z.uuid(),
    courseCode: z.string().min(1),
    courseName: z.string().min(1),
    providerId: z.uuid(),
    serviceProductId: z.uuid(),
    requirement: z.enum(TRAINING_REQUIREMENTS),
    reason: z.string().min(1),
    waivedOn: calendarDate,
  }),
  example: {
    memberId: EXAMPLE_MEMBER_ID,
    trainingId: EXAMPLE_TRAINING_ID,
    courseCode: 'FIRST-AID',
    courseName: 'First aid for carers',
    providerId: EXAMPLE_PROVIDER_ID,
    serviceProductId: EXAMPLE_SERVICE_PRODUCT_ID,
    requirement: 'mandatory',
    reason: 'Registered nurse: first aid already certified',
    waivedOn: '2026-02-01',
  },
});

const certificationIdentity = {
  memberId: z.uuid(),
  certificationId: z.uuid(),
  certificationTypeId: z.uuid(),
  certificationTypeName: z.string().min(1),
};
const exampleCertificationIdentity = {
  memberId: EXAMPLE_MEMBER_ID,
  certificationId: EXAMPLE_CERTIFICATION_ID,
  certificationTypeId: EXAMPLE_CERTIFICATION_TYPE_ID,
  certificationTypeName: 'Therapeutic foster carer',
};

/** CRD-5: a certification of a member was recorded, valid for the type's validity period. */
export const memberCertificationRecorded = defineEvent({
  ...member,
  type: 'member-certification.recorded',
  version: 1,
  description:
    'A certification of a member was recorded (CRD-5): its type, who issued it (the agency or a ' +
    'third party), the issue date and the validity period `validFrom`–`validTo` (both inclusive, ' +
    "derived from the type's validity in months), with the training credits the member had " +
    'earned toward the credits the type requires.',
  schema: z.object({
    ...certificationIdentity,
    issuer: z.enum(CERTIFICATION_ISSUERS),
    issuedBy: z.string().min(1),
    issuedOn: calendarDate,
    validFrom: calendarDate,
    validTo: calendarDate,
    creditsEarned: credits,
    requiredCredits: credits,
  }),
  example: {
    ...exampleCertificationIdentity,
    issuer: 'agency',
    issuedBy: 'Springfield Children and Families Agency',
    issuedOn: '2026-01-10',
    validFrom: '2026-01-10',
    validTo: '2027-01-09',
    creditsEarned: 12,
    requiredCredits: 10,
  },
});

/** CRD-5: an expired certification was modified with a new validity period. */
export const memberCertificationRenewed = defineEvent({
  ...member,
  type: 'member-certification.renewed',
  version: 1,
  description:
    'An expired certification of a member was given a new validity period (CRD-5); ' +
    '`previousValidFrom`/`previousValidTo` are the period it had before. Both ends inclusive.',
  schema: z.object({
    ...certificationIdentity,
    validFrom: calendarDate,
    validTo: calendarDate,
    previousValidFrom: calendarDate,
    previousValidTo: calendarDate,
  }),
  example: {
    ...exampleCertificationIdentity,
    validFrom: '2027-01-15',
    validTo: '2028-01-14',
    previousValidFrom: '2026-01-10',
    previousValidTo: '2027-01-09',
  },
});

/** CRD-5: a certification was deleted (kept, marked removed) — e.g. to add it anew on expiry. */
export const memberCertificationRemoved = defineEvent({
  ...member,
  type: 'member-certification.removed',
  version: 1,
  description:
    'A certification of a member was deleted (CRD-5), e.g. to add a new one after it expired. The ' +
    'record is kept, marked removed with who removed it and why; it no longer counts.',
  schema: z.object({
    ...certificationIdentity,
    reason: z.string().min(1),
  }),
  example: {
    ...exampleCertificationIdentity,
    reason: 'Expired; a new certification is recorded instead',
  },
});

const accreditationDetails = {
  providerId: z.uuid(),
  accreditationId: z.uuid(),
  accreditingBody: z.string().min(1),
  accreditationType: z.string().min(1),
  reference: z.string().nullable(),
  startDate: calendarDate,
  expiryDate: calendarDate,
};
const exampleAccreditationDetails = {
  providerId: EXAMPLE_PROVIDER_ID,
  accreditationId: EXAMPLE_ACCREDITATION_ID,
  accreditingBody: 'Council on Accreditation',
  accreditationType: 'Foster care services',
  reference: 'COA-2026-117',
  startDate: '2026-01-01',
  expiryDate: '2029-12-31',
};

/** CRD-1: an accreditation of a provider was recorded. */
export const accreditationRecorded = defineEvent({
  ...provider,
  type: 'accreditation.recorded',
  version: 1,
  description:
    'An accreditation of a provider was recorded (CRD-1): the accrediting body, the type and the ' +
    'period it is current, `startDate`–`expiryDate`, both inclusive.',
  schema: z.object(accreditationDetails),
  example: exampleAccreditationDetails,
});

/** CRD-1: the details or dates of an accreditation were corrected. */
export const accreditationUpdated = defineEvent({
  ...provider,
  type: 'accreditation.updated',
  version: 1,
  description:
    'An accreditation of a provider was changed (CRD-1): the details as they are now, and the ' +
    'names of the fields that changed.',
  schema: z.object({
    ...accreditationDetails,
    changedFields: z.array(z.string().min(1)).min(1),
  }),
  example: {
    ...exampleAccreditationDetails,
    expiryDate: '2030-06-30',
    changedFields: ['expiryDate'],
  },
});

/** CRD-1: an accreditation was ended before (or on) its expiry: it is no longer current after. */
export const accreditationEnded = defineEvent({
  ...provider,
  type: 'accreditation.ended',
  version: 1,
  description:
    'An accreditation of a provider was ended (CRD-1), e.g. withdrawn by the accrediting body: ' +
    '`endDate` is its last current day (on or before `expiryDate`), `reason` why. An ' +
    'accreditation that simply reaches its expiry date needs no event: it is expired after ' +
    '`expiryDate` by definition.',
  schema: z.object({
    providerId: z.uuid(),
    accreditationId: z.uuid(),
    endDate: calendarDate,
    expiryDate: calendarDate,
    reason: z.string().min(1),
  }),
  example: {
    providerId: EXAMPLE_PROVIDER_ID,
    accreditationId: EXAMPLE_ACCREDITATION_ID,
    endDate: '2027-03-31',
    expiryDate: '2029-12-31',
    reason: 'Withdrawn by the accrediting body after a review',
  },
});
