import {
  providerGroupClosed,
  providerGroupEnrolled,
  providerGroupReopened,
  type EventData,
  type EventEnvelope,
} from '@platform/contracts';
import { upsertNewer, type EntityManager } from '@platform/persistence';
import { eventConsumer, on } from '@platform/messaging';

type GroupEvent =
  | EventEnvelope<EventData<typeof providerGroupEnrolled>>
  | EventEnvelope<EventData<typeof providerGroupClosed>>
  | EventEnvelope<EventData<typeof providerGroupReopened>>;

const STATUS_AFTER = {
  'provider-group.enrolled': 'enrolled',
  'provider-group.closed': 'closed',
  'provider-group.reopened': 'reopened',
} as const;

/**
 * PRV-4 → FIN-3 / FIN-4 / FIN-14: the provider groups finance knows, so an invoice from a group
 * and a payment to a group (PRV-5) name a registered party. The name comes only with the
 * enrolment; a later status change keeps it.
 */
export async function projectProviderGroup(em: EntityManager, envelope: GroupEvent): Promise<void> {
  const status = STATUS_AFTER[envelope.type as keyof typeof STATUS_AFTER];
  if (!status) throw new Error(`${envelope.type} is not a provider group lifecycle event`);
  const name = 'name' in envelope.data ? envelope.data.name : null;
  await upsertNewer(
    em,
    'provider_group',
    ['group_id'],
    { group_id: envelope.data.groupId, name, status, occurred_at: envelope.occurredAt },
    name === null ? ['name'] : [],
  );
}

/** The providers service's group events finance keeps (ADR 0018's pattern). */
export const ProviderGroupProjections = eventConsumer('ProviderGroupProjections', [
  on(providerGroupEnrolled, projectProviderGroup),
  on(providerGroupClosed, projectProviderGroup),
  on(providerGroupReopened, projectProviderGroup),
]);
