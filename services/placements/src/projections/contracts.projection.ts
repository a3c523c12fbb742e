import type {
  contractActivated,
  contractAmended,
  contractCancelled,
  contractTerminated,
  EventData,
  EventEnvelope,
} from '@platform/contracts';
import { addDays, type CalendarDate } from '@platform/kernel';
import { updateNewer, upsertNewer, type EntityManager } from '@platform/persistence';

const TABLE = 'contract_version';

/**
 * PLC-8: an activated contract version binds its place limit (places reserved for the agency's
 * clients) from `period.from` to `period.to`, for the provider services it covers and, for a
 * group contract, the providers it binds.
 */
export async function projectContractActivated(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractActivated>>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, TABLE, ['contract_id'], {
    contract_id: data.contractId,
    provider_id: data.providerId,
    status: 'active',
    starts_on: data.period.from,
    ends_on: data.period.to,
    place_limit: data.placeLimit,
    provider_service_ids: `{${data.providerServiceIds.join(',')}}`,
    bound_provider_ids: `{${data.boundProviderIds.join(',')}}`,
    occurred_at: envelope.occurredAt,
  });
}

/** CTR-5: superseded by its amendment from `effectiveFrom`, so it binds until the day before. */
export async function projectContractAmended(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractAmended>>,
): Promise<void> {
  const { data } = envelope;
  await updateNewer(
    em,
    TABLE,
    { contract_id: data.contractId },
    { status: 'amended', ends_on: addDays(data.effectiveFrom as CalendarDate, -1) },
    envelope.occurredAt,
  );
}

/** CTR-7: terminated early; `terminatedOn` is its last binding day. */
export async function projectContractTerminated(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractTerminated>>,
): Promise<void> {
  const { data } = envelope;
  await updateNewer(
    em,
    TABLE,
    { contract_id: data.contractId },
    { status: 'terminated', ends_on: data.terminatedOn },
    envelope.occurredAt,
  );
}

/**
 * CTR-3: only a version that never became active can be cancelled, so placements normally holds
 * nothing of it; a row found anyway is marked cancelled (it never binds a place limit).
 */
export async function projectContractCancelled(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractCancelled>>,
): Promise<void> {
  await em.execute(
    `update ${TABLE} set status = 'cancelled', occurred_at = ?
     where contract_id = ? and occurred_at <= ?`,
    [envelope.occurredAt, envelope.data.contractId, envelope.occurredAt],
  );
}
