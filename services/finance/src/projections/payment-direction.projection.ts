import type {
  EventData,
  EventEnvelope,
  providerPaymentDirectionChanged,
} from '@platform/contracts';
import { upsertNewer, type EntityManager } from '@platform/persistence';

/**
 * PRV-5 → FIN-14: one row per direction that took effect, so the payee at any past date is the
 * latest row in effect on it. The affiliation's own period travels with every event; the latest
 * one is copied to all rows of the affiliation, so an ended affiliation stops directing payments.
 */
export async function projectPaymentDirection(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerPaymentDirectionChanged>>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, 'payment_direction', ['affiliation_id', 'effective_from'], {
    provider_id: data.providerId,
    affiliation_id: data.affiliationId,
    effective_from: data.effectiveFrom,
    group_id: data.groupId,
    payments_to_group: data.paymentsToGroup,
    affiliation_start: data.affiliationStart,
    affiliation_end: data.affiliationEnd,
    occurred_at: envelope.occurredAt,
  });
  await em.execute(
    `update payment_direction set affiliation_start = ?, affiliation_end = ?
     where affiliation_id = ?
       and ? >= (select max(occurred_at) from payment_direction where affiliation_id = ?)`,
    [
      data.affiliationStart,
      data.affiliationEnd,
      data.affiliationId,
      envelope.occurredAt,
      data.affiliationId,
    ],
  );
}
