import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  contractFlagged,
  type EventData,
  type EventEnvelope,
  type licenceExpired,
} from '@platform/contracts';
import { addDays, type CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { Licence } from '../licences/licence.entities.js';
import { contractEventIdentity } from './contract-event-identity.js';
import { recordContractHistory } from './contract-history.js';
import {
  Contract,
  ContractBoundProvider,
  ContractFlag,
  ContractRequiredLicenceType,
  type ContractFlagRecord,
} from './contract.entities.js';

type LicenceExpired = EventEnvelope<EventData<typeof licenceExpired>>;

/**
 * CTR-2 / WF-2: a licence expired; every ACTIVE contract that requires its type, of its provider
 * or binding it (group contracts), and still runs on the first day without it, is flagged for a
 * resource manager — unless the provider holds another licence of that type valid on that day.
 * Runs in the inbox transaction of the event, so a redelivery flags nothing twice; a flag already
 * raised for the same contract and licence is kept as it is. Answers the flags raised.
 */
export async function flagContractsForExpiredLicence(
  em: EntityManager,
  envelope: LicenceExpired,
): Promise<ContractFlagRecord[]> {
  const { data } = envelope;
  const since = addDays(data.to as CalendarDate, 1);
  if (await holdsAnotherValidLicence(em, data, since)) return [];

  const requiring = (
    await em.find(
      ContractRequiredLicenceType,
      { licenceTypeId: data.licenceTypeId },
      { fields: ['contractId'] },
    )
  ).map((row) => row.contractId);
  if (requiring.length === 0) return [];
  const binding = (
    await em.find(
      ContractBoundProvider,
      { providerId: data.providerId },
      { fields: ['contractId'] },
    )
  ).map((row) => row.contractId);
  const contracts = await em.find(
    Contract,
    {
      id: { $in: requiring },
      status: 'active',
      periodTo: { $gte: since },
      $or: [{ providerId: data.providerId }, ...(binding.length ? [{ id: { $in: binding } }] : [])],
    },
    { orderBy: { contractNumber: 'asc', version: 'asc' } },
  );
  const flags: ContractFlagRecord[] = [];
  for (const contract of contracts) {
    const existing = await em.findOne(ContractFlag, {
      contractId: contract.id,
      kind: 'licence-expired',
      licenceId: data.licenceId,
    });
    if (existing) continue;
    const flag = em.create(ContractFlag, {
      id: randomUUID(),
      contractId: contract.id,
      kind: 'licence-expired',
      licenceId: data.licenceId,
      licenceTypeCode: data.licenceTypeCode,
      since,
      raisedAt: new Date(),
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
    });
    recordContractHistory(em, contract, {
      action: 'flag',
      from: contract.status,
      reason: `CTR-2: the ${data.licenceTypeCode} licence ${data.licenceId} expired on ${data.to}`,
      details: { flagId: flag.id, licenceId: data.licenceId, since },
      actor: envelope.actor.userId,
    });
    recordEvent(em, contractFlagged, {
      aggregateId: contract.id,
      actor: envelope.actor,
      correlationId: envelope.correlationId,
      causationId: envelope.id,
      data: {
        ...contractEventIdentity(contract),
        flagId: flag.id,
        kind: 'licence-expired',
        licenceId: data.licenceId,
        licenceTypeCode: data.licenceTypeCode,
        since,
      },
    });
    flags.push(flag);
  }
  return flags;
}

/** CRD-2: another licence of the type, approved and valid on `day` (e.g. recorded as a new one). */
async function holdsAnotherValidLicence(
  em: EntityManager,
  data: LicenceExpired['data'],
  day: CalendarDate,
): Promise<boolean> {
  const other = await em.findOne(Licence, {
    id: { $ne: data.licenceId },
    providerId: data.providerId,
    licenceTypeId: data.licenceTypeId,
    status: 'approved',
    validFrom: { $lte: day },
    periodTo: { $gte: day },
  });
  return other !== null;
}
