import { PROVIDER_STATUS_AFTER, type EventEnvelope } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';

type LifecycleData = { providerId: string; name?: string; reason?: string | null };

/**
 * PRV-1 → FIN-4 ("provider approved"): the provider's current status and every change with its
 * time, so a later rule can ask for the status on a service date. The history row is keyed by
 * event id; the current row is overwritten only by a later event, so a replay converges.
 */
export async function projectProviderStatus(
  em: EntityManager,
  envelope: EventEnvelope<LifecycleData>,
): Promise<void> {
  const status = PROVIDER_STATUS_AFTER[envelope.type];
  if (!status) throw new Error(`${envelope.type} is not a provider lifecycle event`);
  const { providerId } = envelope.data;
  const reason = envelope.data.reason ?? null;
  await em.execute(
    `insert into provider_status_change (event_id, provider_id, status, reason, occurred_at)
     values (?, ?, ?, ?, ?) on conflict (event_id) do nothing`,
    [envelope.id, providerId, status, reason, envelope.occurredAt],
  );
  // The name comes only with `provider.enrolled`; the other events keep it.
  await em.execute(
    `insert into provider_status (provider_id, name, status, reason, occurred_at)
     values (?, ?, ?, ?, ?)
     on conflict (provider_id) do update
       set name = coalesce(excluded.name, provider_status.name), status = excluded.status,
           reason = excluded.reason, occurred_at = excluded.occurred_at
       where provider_status.occurred_at <= excluded.occurred_at`,
    [providerId, envelope.data.name ?? null, status, reason, envelope.occurredAt],
  );
}
