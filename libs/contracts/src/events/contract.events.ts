import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { moneyAmount } from './service-registry.events.js';

/**
 * CTR-1…CTR-7: a contract version is its own aggregate, `contract`, keyed by the version's id, so
 * the events of one version stay in order on `providers.contract`. Each carries the contract
 * number (shared by all versions of one contract) and the provider, so finance can group them.
 * Money is a decimal string with two decimals (ARCHITECTURE rule 8).
 */
const contract = { owner: 'providers', aggregateType: 'contract' } as const;

const EXAMPLE_CONTRACT_ID = '0199a3c2-9a10-7cc0-8d5e-000000000901';
const EXAMPLE_PREVIOUS_ID = '0199a3c2-9a10-7cc0-8d5e-000000000900';
const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_PROVIDER_SERVICE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000301';
const EXAMPLE_DOCUMENT_ID = '0199a3c2-9a10-7cc0-8d5e-000000000951';
const EXAMPLE_LICENCE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000601';

const calendarDate = z.iso.date();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const CONTRACT_TYPES = ['fixed-fee', 'utilization'] as const;
export const CONTRACT_PAYMENT_FREQUENCIES = ['monthly', 'quarterly', 'annually'] as const;

const identity = {
  contractId: z.uuid(),
  /** Shared by every version of one contract, e.g. C-2026-000012. */
  contractNumber: z.string().min(1),
  /** 1 for the first version, +1 for each amendment (CTR-5). */
  version: z.number().int().min(1),
  /** The contracting provider (a provider group for group contracts). */
  providerId: z.uuid(),
  type: z.enum(CONTRACT_TYPES),
};
const exampleIdentity = {
  contractId: EXAMPLE_CONTRACT_ID,
  contractNumber: 'C-2026-000012',
  version: 1,
  providerId: EXAMPLE_PROVIDER_ID,
  type: 'fixed-fee' as const,
};
const period = z.object({ from: calendarDate, to: calendarDate });

/** CTR-2: the document issued for signature (CTR-4) and the SHA-256 a signature is bound to. */
const issuedDocument = {
  documentId: z.uuid(),
  documentSha256: sha256,
  /** 1 for the first issue, +1 for each re-issue. */
  issueNumber: z.number().int().min(1),
};
const exampleDocument = {
  documentId: EXAMPLE_DOCUMENT_ID,
  documentSha256: 'a3f5c0e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6',
  issueNumber: 1,
};

/** FIN-11: one fixed-fee payment of the schedule, paid in arrears for its period. */
const fixedFeePayment = z.object({ from: calendarDate, to: calendarDate, amount: moneyAmount });

/** CTR-1 / CTR-5: a utilization contract's unit rate for one covered service and sub-period. */
const unitRate = z.object({
  providerServiceId: z.uuid(),
  from: calendarDate,
  to: calendarDate,
  rate: moneyAmount,
});

/** CTR-2: a contract was created in editing; its terms may change until it is issued. */
export const contractCreated = defineEvent({
  ...contract,
  type: 'contract.created',
  version: 1,
  description:
    'A contract version was created in editing (CTR-2, CTR-3): a new contract, an amendment of ' +
    'an active one (`amendsContractId`, CTR-5) or a renewal starting the day after the previous ' +
    'one ends (`renewsContractId`, CTR-6).',
  schema: z.object({
    ...identity,
    period,
    amendsContractId: z.uuid().nullable(),
    renewsContractId: z.uuid().nullable(),
  }),
  example: {
    ...exampleIdentity,
    period: { from: '2026-01-01', to: '2026-12-31' },
    amendsContractId: null,
    renewsContractId: null,
  },
});

/** CTR-4: the contract's document was generated and sent to the provider for signature (WF-3). */
export const contractIssued = defineEvent({
  ...contract,
  type: 'contract.issued',
  version: 1,
  description:
    'The contract was issued (CTR-3, CTR-4): its PDF was generated from the terms and sent to ' +
    'the provider for review and signature. Starts the publish–sign–activate process (WF-3).',
  schema: z.object({ ...identity, ...issuedDocument, period }),
  example: {
    ...exampleIdentity,
    ...exampleDocument,
    period: { from: '2026-01-01', to: '2026-12-31' },
  },
});

/** CTR-3: the terms changed before signing; a new document replaces (voids) the old one. */
export const contractReissued = defineEvent({
  ...contract,
  type: 'contract.reissued',
  version: 1,
  description:
    'The contract was re-issued with a reason (CTR-3): the terms changed before signing, a new ' +
    'document replaced the previous one (`voidedDocumentId`, now void, with any signature on it).',
  schema: z.object({
    ...identity,
    ...issuedDocument,
    period,
    voidedDocumentId: z.uuid(),
    reason: z.string().min(1),
  }),
  example: {
    ...exampleIdentity,
    ...exampleDocument,
    issueNumber: 2,
    period: { from: '2026-01-01', to: '2026-12-31' },
    voidedDocumentId: '0199a3c2-9a10-7cc0-8d5e-000000000950',
    reason: 'Place limit raised from 8 to 10',
  },
});

/** SS-5 / CTR-4: the provider signed the issued document, or staff recorded a wet signature. */
export const contractSigned = defineEvent({
  ...contract,
  type: 'contract.signed',
  version: 1,
  description:
    'The current document of the contract was signed (SS-5, CTR-4): electronically by the ' +
    "provider's self-service user (typed name, consent, identity from the token) or on paper, " +
    'recorded by staff (`wet`). The signature is bound to the document by its SHA-256.',
  schema: z.object({
    ...identity,
    signatureId: z.uuid(),
    documentId: z.uuid(),
    documentSha256: sha256,
    method: z.enum(['electronic', 'wet']),
    signerName: z.string().min(1),
    signedAt: z.iso.datetime({ offset: true }),
  }),
  example: {
    ...exampleIdentity,
    signatureId: '0199a3c2-9a10-7cc0-8d5e-000000000961',
    documentId: EXAMPLE_DOCUMENT_ID,
    documentSha256: exampleDocument.documentSha256,
    method: 'electronic',
    signerName: 'Dana Whitfield',
    signedAt: '2026-11-22T10:15:00.000Z',
  },
});

/**
 * CTR-4 / FIN-11: the contract is active and binding. Finance starts fixed-fee payments from the
 * schedule, or applies the unit rates of a utilization contract (which beat provider-service and
 * product rates, FIN-7).
 */
export const contractActivated = defineEvent({
  ...contract,
  type: 'contract.activated',
  version: 1,
  description:
    'A resource manager activated the signed contract (CTR-3, CTR-4); it is binding from ' +
    '`period.from`. Finance uses it to start fixed-fee payments (`fixedFee.payments`, paid in ' +
    'arrears, FIN-11) or to apply the unit rates of a utilization contract (`unitRates`, by ' +
    'sub-period, CTR-5, FIN-7). An amendment names the version it supersedes, which is now ' +
    'amended (`supersedesContractId`).',
  schema: z.object({
    ...identity,
    period,
    activatedOn: calendarDate,
    providerServiceIds: z.array(z.uuid()),
    /** CTR-2: the providers bound by a group contract (empty otherwise). */
    boundProviderIds: z.array(z.uuid()),
    placeLimit: z.number().int().min(1).nullable(),
    fixedFee: z
      .object({
        kind: z.enum(['total', 'periodic']),
        amount: moneyAmount,
        frequency: z.enum(CONTRACT_PAYMENT_FREQUENCIES),
        payments: z.array(fixedFeePayment).min(1),
      })
      .nullable(),
    unitRates: z.array(unitRate),
    supersedesContractId: z.uuid().nullable(),
  }),
  example: {
    ...exampleIdentity,
    period: { from: '2026-01-01', to: '2026-12-31' },
    activatedOn: '2025-12-20',
    providerServiceIds: [EXAMPLE_PROVIDER_SERVICE_ID],
    boundProviderIds: [],
    placeLimit: 10,
    fixedFee: {
      kind: 'total',
      amount: '2400.00',
      frequency: 'monthly',
      payments: [{ from: '2026-01-01', to: '2026-01-31', amount: '200.00' }],
    },
    unitRates: [],
    supersedesContractId: null,
  },
});

/** CTR-5: an active version was superseded by its amendment's activation. */
export const contractAmended = defineEvent({
  ...contract,
  type: 'contract.amended',
  version: 1,
  description:
    'The active version was superseded (CTR-3, CTR-5): its amendment `amendedByContractId` ' +
    'activated, so this version is amended and no longer binding from `effectiveFrom`.',
  schema: z.object({ ...identity, amendedByContractId: z.uuid(), effectiveFrom: calendarDate }),
  example: {
    ...exampleIdentity,
    contractId: EXAMPLE_PREVIOUS_ID,
    amendedByContractId: EXAMPLE_CONTRACT_ID,
    effectiveFrom: '2026-07-01',
  },
});

/** CTR-7: an active contract was terminated early; finance prorates the last fixed-fee payment. */
export const contractTerminated = defineEvent({
  ...contract,
  type: 'contract.terminated',
  version: 1,
  description:
    'An active contract was terminated (CTR-3, CTR-7): `terminatedOn` is its last binding day. ' +
    'For fixed-fee contracts `finalPayment` is the payment of the cut-short period, prorated on ' +
    'a 30-day month (12,000 a year monthly terminated on 15 March → 500.00); later payments stop.',
  schema: z.object({
    ...identity,
    terminatedOn: calendarDate,
    reason: z.string().min(1),
    finalPayment: fixedFeePayment.nullable(),
  }),
  example: {
    ...exampleIdentity,
    terminatedOn: '2026-03-15',
    reason: 'Breach of contract: unreported incidents',
    finalPayment: { from: '2026-03-01', to: '2026-03-15', amount: '500.00' },
  },
});

/** CTR-3: a contract in editing or issued was cancelled (deleted; final). */
export const contractCancelled = defineEvent({
  ...contract,
  type: 'contract.cancelled',
  version: 1,
  description:
    'A contract that never became active was cancelled (CTR-3): final; any issued document is ' +
    'void and the publish–sign–activate process (WF-3) ends.',
  schema: z.object({
    ...identity,
    previousStatus: z.enum(['editing', 'issued']),
    reason: z.string().nullable(),
  }),
  example: { ...exampleIdentity, previousStatus: 'issued', reason: 'Provider withdrew' },
});

/** CTR-2: a licence the active contract requires expired (WF-2); the contract needs attention. */
export const contractFlagged = defineEvent({
  ...contract,
  type: 'contract.flagged',
  version: 1,
  description:
    'An active contract was flagged because a licence of a type it requires expired (CTR-2, ' +
    'from the licence renewal process WF-2): the provider no longer holds a valid licence of ' +
    'that type. A resource manager reviews it (renew the licence, or terminate, CTR-7).',
  schema: z.object({
    ...identity,
    flagId: z.uuid(),
    kind: z.literal('licence-expired'),
    licenceId: z.uuid(),
    licenceTypeCode: z.string().min(1),
    since: calendarDate,
  }),
  example: {
    ...exampleIdentity,
    flagId: '0199a3c2-9a10-7cc0-8d5e-000000000971',
    kind: 'licence-expired',
    licenceId: EXAMPLE_LICENCE_ID,
    licenceTypeCode: 'FOSTER-CARE',
    since: '2027-01-01',
  },
});

export const CONTRACT_EVENTS = [
  contractCreated,
  contractIssued,
  contractReissued,
  contractSigned,
  contractActivated,
  contractAmended,
  contractTerminated,
  contractCancelled,
  contractFlagged,
] as const;
