import { z } from 'zod';
import { calendarDateInput } from '../shared/common.schemas.js';

/** The hex SHA-256 of the document the signer reviewed (as the document's view shows it). */
const documentSha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be the document’s SHA-256: 64 lower-case hex digits');
const typedName = z.string().trim().min(1, 'SS-5: the signer types their name').max(200);

/**
 * SS-5: the provider's electronic signature on the current document: the name typed, and the
 * consent statement (`ELECTRONIC_SIGNATURE_CONSENT`) accepted.
 */
export const signContractBody = z
  .object({
    documentSha256,
    typedName,
    consent: z.literal(true, 'SS-5: accept the electronic signature consent statement (true)'),
  })
  .strict();
export type SignContractBody = z.infer<typeof signContractBody>;

/** SS-5 / CTR-4: a signature received on paper, recorded by staff with the day it arrived. */
export const wetSignatureBody = z
  .object({ documentSha256, typedName, receivedOn: calendarDateInput })
  .strict();
export type WetSignatureBody = z.infer<typeof wetSignatureBody>;

/**
 * CTR-3: a re-issue — the reason and the changed terms. `changes` is checked with the PATCH
 * schema (`parseContractChanges`) before the process sees it; the process gets it as sent.
 */
export const reissueContractBody = z
  .object({
    reason: z.string().trim().min(1, 'CTR-3: a re-issue states its reason').max(2_000),
    changes: z.record(z.string(), z.unknown()),
  })
  .strict();
export type ReissueContractBody = z.infer<typeof reissueContractBody>;

export const reissueContractExample: z.input<typeof reissueContractBody> = {
  reason: 'Place limit raised from 8 to 10',
  changes: { placeLimit: 10 },
};
