import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * CRD-2: a licence is its own aggregate, `licence`, keyed by licence id, so all events of one
 * licence stay in order on `providers.licence`; each carries the provider id for consumers that
 * group by provider (contracts need a valid licence of each required type, CTR-2).
 */
const licence = { owner: 'providers', aggregateType: 'licence' } as const;

const EXAMPLE_LICENCE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000601';
const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_LICENCE_TYPE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000501';
const EXAMPLE_PROVIDER_SERVICE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000401';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const identity = {
  licenceId: z.uuid(),
  providerId: z.uuid(),
  licenceTypeId: z.uuid(),
  /** The licence type's code, e.g. FOSTER-CARE: what contracts name as a required type (CTR-2). */
  licenceTypeCode: z.string().min(1),
};
const exampleIdentity = {
  licenceId: EXAMPLE_LICENCE_ID,
  providerId: EXAMPLE_PROVIDER_ID,
  licenceTypeId: EXAMPLE_LICENCE_TYPE_ID,
  licenceTypeCode: 'FOSTER-CARE',
};
/** CRD-2: the period of a licence, both ends inclusive. */
const period = { from: calendarDate, to: calendarDate };

/** CRD-2: a licence was recorded for a provider; it is pending until a resource manager decides. */
export const licenceRecorded = defineEvent({
  ...licence,
  type: 'licence.recorded',
  version: 1,
  description:
    'A licence of a provider was recorded (CRD-2): its type, number, issuing authority, period ' +
    '(`from`–`to`, both inclusive) and the provider services it covers. It is pending: not valid ' +
    'until a resource manager approves it.',
  schema: z.object({
    ...identity,
    number: z.string().min(1),
    issuingAuthority: z.string().min(1),
    ...period,
    providerServiceIds: z.array(z.uuid()).min(1),
  }),
  example: {
    ...exampleIdentity,
    number: 'FC-2026-0042',
    issuingAuthority: 'State Department of Children and Families',
    from: '2026-01-01',
    to: '2026-12-31',
    providerServiceIds: [EXAMPLE_PROVIDER_SERVICE_ID],
  },
});

/** CRD-2: a licence was approved and is valid in its period; WF-2 (renewal) starts from it. */
export const licenceApproved = defineEvent({
  ...licence,
  type: 'licence.approved',
  version: 1,
  description:
    'A resource manager approved a licence (CRD-2), possibly after rejecting it first: it is ' +
    'valid from `from` to `to` for the provider services listed. `trainingWarnings` are the ' +
    'CRD-3 warnings shown at approval (approval proceeds despite them). The licence renewal ' +
    'process (WF-2) starts from this event.',
  schema: z.object({
    ...identity,
    previousStatus: z.enum(['pending', 'rejected']),
    ...period,
    providerServiceIds: z.array(z.uuid()).min(1),
    trainingWarnings: z.array(z.string()),
  }),
  example: {
    ...exampleIdentity,
    previousStatus: 'pending',
    from: '2026-01-01',
    to: '2026-12-31',
    providerServiceIds: [EXAMPLE_PROVIDER_SERVICE_ID],
    trainingWarnings: [],
  },
});

/** CRD-2: a licence was rejected; it may still be approved later. */
export const licenceRejected = defineEvent({
  ...licence,
  type: 'licence.rejected',
  version: 1,
  description:
    'A resource manager rejected a pending licence, with a reason (CRD-2). A rejected licence may ' +
    'still be approved later.',
  schema: z.object({ ...identity, reason: z.string().min(1) }),
  example: { ...exampleIdentity, reason: 'The licence number does not match the certificate' },
});

/** CRD-2: an approved licence was suspended; it is not valid until reinstated. */
export const licenceSuspended = defineEvent({
  ...licence,
  type: 'licence.suspended',
  version: 1,
  description:
    'An approved licence was suspended, with a reason (CRD-2), e.g. after a complaint that the ' +
    'provider broke safety rules. It is not valid while suspended.',
  schema: z.object({ ...identity, reason: z.string().min(1) }),
  example: { ...exampleIdentity, reason: 'Complaint: safety rules broken, under investigation' },
});

/** CRD-2: a suspended licence was reinstated; it is valid again in its period. */
export const licenceReinstated = defineEvent({
  ...licence,
  type: 'licence.reinstated',
  version: 1,
  description:
    'A suspended licence was reinstated (CRD-2): approved again, valid in its current period ' +
    '`from`–`to`.',
  schema: z.object({ ...identity, ...period, reason: z.string().nullable() }),
  example: { ...exampleIdentity, from: '2026-01-01', to: '2026-12-31', reason: null },
});

/** CRD-2: a licence was renewed for a new period, right after the previous one. */
export const licenceRenewed = defineEvent({
  ...licence,
  type: 'licence.renewed',
  version: 1,
  description:
    'A licence was renewed (CRD-2): its new period `from`–`to` starts the day after ' +
    '`previousTo`, the last day of the previous period. `trainingWarnings` are the CRD-3 ' +
    'warnings shown at renewal.',
  schema: z.object({
    ...identity,
    previousTo: calendarDate,
    ...period,
    trainingWarnings: z.array(z.string()),
  }),
  example: {
    ...exampleIdentity,
    previousTo: '2026-12-31',
    from: '2027-01-01',
    to: '2027-12-31',
    trainingWarnings: [],
  },
});

/** CRD-2: at renewal the licence was found non-compliant instead of renewed; it is no longer valid. */
export const licenceNonComplianceRecorded = defineEvent({
  ...licence,
  type: 'licence.non-compliance-recorded',
  version: 1,
  description:
    'Instead of renewing the licence, a resource manager recorded why the provider is ' +
    'non-compliant (CRD-2), e.g. "safety issue found" or "background check failed". The licence ' +
    'is no longer valid.',
  schema: z.object({
    ...identity,
    previousStatus: z.enum(['approved', 'suspended']),
    reason: z.string().min(1),
  }),
  example: { ...exampleIdentity, previousStatus: 'approved', reason: 'Safety issue found' },
});

/** CRD-2 / WF-2: the licence's period ended without renewal; contracts that require it react. */
export const licenceExpired = defineEvent({
  ...licence,
  type: 'licence.expired',
  version: 1,
  description:
    'The period of a licence ended without renewal (CRD-2, WF-2): it is expired and no longer ' +
    'valid after `to`, its last valid day. Contracts that require a licence of this type react ' +
    '(CTR-2).',
  schema: z.object({
    ...identity,
    previousStatus: z.enum(['approved', 'suspended']),
    to: calendarDate,
    providerServiceIds: z.array(z.uuid()).min(1),
  }),
  example: {
    ...exampleIdentity,
    previousStatus: 'approved',
    to: '2026-12-31',
    providerServiceIds: [EXAMPLE_PROVIDER_SERVICE_ID],
  },
});
