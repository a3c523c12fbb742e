import type {
  contractActivated,
  contractAmended,
  contractCancelled,
  contractTerminated,
  EventData,
  EventEnvelope,
} from '@platform/contracts';
import { addDays, type CalendarDate } from '@platform/kernel';
import { json, updateNewer, upsertNewer, type EntityManager } from '@platform/persistence';
import { cents } from './money-columns.js';

/**
 * CTR-4 → FIN-7 / FIN-5 / FIN-11: a contract version becomes binding from `period.from` to its
 * `binding_to` (the period's end until an amendment or termination cuts it short). A utilization
 * contract brings unit rates by sub-period (FIN-7's second source); a fixed-fee contract brings
 * its payment schedule (FIN-11), whose periods stop invoice lines for the same provider (FIN-5).
 * The rates and schedule are replaced only when the version's row was written by this event, so
 * a replayed older activation never overwrites them.
 */
export async function projectContractActivated(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractActivated>>,
): Promise<void> {
  const { data } = envelope;
  const written = await upsertNewer(em, 'contract_version', ['contract_id'], {
    contract_id: data.contractId,
    contract_number: data.contractNumber,
    version: data.version,
    provider_id: data.providerId,
    type: data.type,
    status: 'active',
    period_from: data.period.from,
    period_to: data.period.to,
    activated_on: data.activatedOn,
    binding_to: data.period.to,
    provider_service_ids: json(data.providerServiceIds),
    bound_provider_ids: json(data.boundProviderIds),
    place_limit: data.placeLimit,
    fixed_fee: json(
      data.fixedFee && {
        kind: data.fixedFee.kind,
        amount: data.fixedFee.amount,
        frequency: data.fixedFee.frequency,
      },
    ),
    supersedes_contract_id: data.supersedesContractId,
    end_reason: null,
    occurred_at: envelope.occurredAt,
  });
  if (!written) return;
  await em.execute('delete from contract_unit_rate where contract_id = ?', [data.contractId]);
  for (const rate of data.unitRates) {
    await em.execute(
      `insert into contract_unit_rate (contract_id, provider_service_id, from_date, to_date, rate_cents)
       values (?, ?, ?, ?, ?)`,
      [data.contractId, rate.providerServiceId, rate.from, rate.to, cents(rate.rate)],
    );
  }
  await em.execute('delete from contract_fixed_fee_period where contract_id = ?', [
    data.contractId,
  ]);
  for (const payment of data.fixedFee?.payments ?? []) {
    await em.execute(
      `insert into contract_fixed_fee_period (contract_id, from_date, to_date, amount_cents, status)
       values (?, ?, ?, ?, 'scheduled')`,
      [data.contractId, payment.from, payment.to, cents(payment.amount)],
    );
  }
}

/**
 * CTR-5: the version was superseded by its amendment from `effectiveFrom`: it binds until the day
 * before, and its fixed-fee periods from then on stop (the amendment's own schedule replaces them).
 */
export async function projectContractAmended(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractAmended>>,
): Promise<void> {
  const { data } = envelope;
  const lastDay = addDays(data.effectiveFrom as CalendarDate, -1);
  const written = await updateNewer(
    em,
    'contract_version',
    { contract_id: data.contractId },
    {
      status: 'amended',
      binding_to: lastDay,
      end_reason: `amended by ${data.amendedByContractId}`,
    },
    envelope.occurredAt,
  );
  if (!written) return;
  await em.execute(
    `update contract_fixed_fee_period set status = 'stopped'
     where contract_id = ? and from_date >= ?`,
    [data.contractId, data.effectiveFrom],
  );
}

/**
 * CTR-7 / FIN-11: terminated early; `terminatedOn` is its last binding day. The schedule keeps the
 * periods before it, the cut-short period becomes the prorated final payment the event names, and
 * later periods stop.
 */
export async function projectContractTerminated(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractTerminated>>,
): Promise<void> {
  const { data } = envelope;
  const written = await updateNewer(
    em,
    'contract_version',
    { contract_id: data.contractId },
    { status: 'terminated', binding_to: data.terminatedOn, end_reason: data.reason },
    envelope.occurredAt,
  );
  if (!written) return;
  await em.execute(
    `update contract_fixed_fee_period set status = 'stopped'
     where contract_id = ? and from_date > ?`,
    [data.contractId, data.terminatedOn],
  );
  if (data.finalPayment) {
    await em.execute(
      `insert into contract_fixed_fee_period (contract_id, from_date, to_date, amount_cents, status)
       values (?, ?, ?, ?, 'prorated')
       on conflict (contract_id, from_date) do update
         set to_date = excluded.to_date, amount_cents = excluded.amount_cents, status = 'prorated'`,
      [
        data.contractId,
        data.finalPayment.from,
        data.finalPayment.to,
        cents(data.finalPayment.amount),
      ],
    );
  }
}

/**
 * CTR-3: only a version that never became active can be cancelled, so finance holds nothing of
 * it; anything found (a defect upstream) is removed, since a cancelled contract never binds.
 */
export async function projectContractCancelled(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof contractCancelled>>,
): Promise<void> {
  const id = envelope.data.contractId;
  for (const table of ['contract_unit_rate', 'contract_fixed_fee_period', 'contract_version']) {
    await em.execute(`delete from ${table} where contract_id = ?`, [id]);
  }
}
