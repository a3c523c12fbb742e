import { createHash } from 'node:crypto';

/** SS-5: the fields of a signature record that its hash seals. */
export interface SignatureRecordFields {
  signatureId: string;
  contractId: string;
  documentId: string;
  documentSha256: string;
  method: 'electronic' | 'wet';
  typedName: string;
  consentStatement: string | null;
  /** YYYY-MM-DD or null */
  receivedOn: string | null;
  signerUserId: string;
  signerProviderId: string | null;
  /** ISO timestamp */
  signedAt: string;
}

/**
 * SS-5: the SHA-256 that makes a signature record tamper-evident. It covers every field in a fixed
 * order (canonical JSON), and through `documentSha256` the signed document itself: change the
 * document, the signer or the time and the recomputed hash no longer matches the stored one.
 */
export function signatureRecordSha256(fields: SignatureRecordFields): string {
  const canonical = JSON.stringify([
    'contract-signature/v1',
    fields.signatureId,
    fields.contractId,
    fields.documentId,
    fields.documentSha256,
    fields.method,
    fields.typedName,
    fields.consentStatement,
    fields.receivedOn,
    fields.signerUserId,
    fields.signerProviderId,
    fields.signedAt,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The consent statement a provider's user accepts when signing electronically (SS-5). */
export const ELECTRONIC_SIGNATURE_CONSENT =
  'I agree that typing my name and submitting is my electronic signature on this contract ' +
  'document, that I am authorised to sign it for the provider, and that it binds the provider ' +
  'as a handwritten signature would.';
