import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5 layout over SHA-1) for an offer: the same cause gives the
 * same id, so a redelivered event or a retried activity finds the offer — and the workflow
 * `waitlist-offer/<offerId>` — it made before instead of making a second one (ARCHITECTURE rule 4).
 */
export function offerIdFor(...cause: string[]): string {
  const hash = createHash('sha1')
    .update(`waitlist-offer:${cause.join('/')}`)
    .digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
