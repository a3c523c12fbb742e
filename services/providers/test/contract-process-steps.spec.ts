import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ContractProcessRejection,
  type ActivateContractInput,
  type RecordContractSignatureInput,
} from '@platform/contracts';
import { OutboxMessage } from '@platform/messaging';
import { ContractProcessSteps } from '../src/contracts/contract-process-steps.js';
import { SelfServiceContractsService } from '../src/contracts/self-service-contracts.js';
import {
  Contract,
  ContractDocument,
  ContractNotice,
  ContractSignature,
  ContractStatusChange,
  type ContractRecord,
} from '../src/contracts/contract.entities.js';
import {
  ELECTRONIC_SIGNATURE_CONSENT,
  signatureRecordSha256,
} from '../src/contracts/signature-record.js';
import { Licence } from '../src/licences/licence.entities.js';
import { ProviderService } from '../src/provider-services/provider-service.entity.js';
import { Provider } from '../src/providers/provider.entity.js';
import {
  partyWithLicence,
  createContractWorld,
  issuedContractRecord,
  type ContractParty,
  type ContractWorld,
} from './support/contract-records.js';
import { startProvidersDatabase, type ProvidersDatabase } from './support/providers-database.js';

/** WF-3's steps (SS-5, CTR-3, CTR-4, CTR-5, FIN-11) against the real database, as its activities run them. */

let database: ProvidersDatabase;
let orm: MikroORM;
let world: ContractWorld;
let steps: ContractProcessSteps;
const NOW = new Date('2026-03-15T10:00:00.000Z');
const RM = { userId: 'rm.rivera', roles: ['resource-manager' as const] };

beforeAll(async () => {
  database = await startProvidersDatabase('providers_contract_steps');
  orm = database.orm;
  world = await createContractWorld(orm);
  steps = new ContractProcessSteps(orm, { agencyName: 'Test County', now: () => NOW });
});

afterAll(async () => {
  await database?.close();
});

async function newIssuedContract() {
  const party = await partyWithLicence(orm, world);
  return { party, contract: await issuedContractRecord(orm, world, party) };
}

async function currentSha(contractId: string): Promise<string> {
  const document = await orm.em
    .fork()
    .findOneOrFail(ContractDocument, { contractId, voidedAt: null });
  return document.sha256;
}

function electronic(
  contract: ContractRecord,
  sha256: string,
  overrides: Partial<RecordContractSignatureInput> = {},
): RecordContractSignatureInput {
  return {
    contractId: contract.id,
    signatureId: randomUUID(),
    documentSha256: sha256,
    method: 'electronic',
    typedName: 'Dana Whitfield',
    consentStatement: ELECTRONIC_SIGNATURE_CONSENT,
    receivedOn: null,
    signedBy: { userId: 'provider.hilltop', roles: ['provider'], providerId: contract.providerId },
    origin: '203.0.113.7',
    workflowId: `contract/${contract.id}`,
    ...overrides,
  };
}

async function sign(contract: ContractRecord) {
  return steps.recordContractSignature(electronic(contract, await currentSha(contract.id)));
}

function activation(contract: ContractRecord, requestId = randomUUID()): ActivateContractInput {
  return {
    contractId: contract.id,
    requestId,
    activatedBy: RM,
    workflowId: `contract/${contract.id}`,
  };
}

async function eventsOf(aggregateId: string) {
  const rows = await orm.em
    .fork()
    .find(OutboxMessage, { messageKey: aggregateId }, { orderBy: { seq: 'asc' } });
  return rows.map((row) => ({
    type: row.eventType,
    data: (row.envelope as { data: Record<string, unknown> }).data,
  }));
}

async function historyOf(contractId: string) {
  const rows = await orm.em
    .fork()
    .find(ContractStatusChange, { contractId }, { orderBy: { id: 'asc' } });
  return rows.map((row) => ({ action: row.action, to: row.toStatus, details: row.details }));
}

const reloaded = (contractId: string) => orm.em.fork().findOneOrFail(Contract, { id: contractId });

const refusal = (type: string, message: string | RegExp) =>
  expect.objectContaining({
    type,
    nonRetryable: true,
    message:
      typeof message === 'string'
        ? expect.stringContaining(message)
        : expect.stringMatching(message),
  });

describe('signing the current document (SS-5, CTR-4)', () => {
  it('SS-5: an electronic signature is recorded with a record hash that recomputes from its fields; the contract stays issued', async () => {
    const { contract } = await newIssuedContract();
    const sha256 = await currentSha(contract.id);
    const recorded = await steps.recordContractSignature(electronic(contract, sha256));

    const stored = await orm.em
      .fork()
      .findOneOrFail(ContractSignature, { id: recorded.signatureId });
    const recomputed = signatureRecordSha256({
      signatureId: stored.id,
      contractId: stored.contractId,
      documentId: stored.documentId,
      documentSha256: stored.documentSha256,
      method: stored.method,
      typedName: stored.typedName,
      consentStatement: stored.consentStatement ?? null,
      receivedOn: stored.receivedOn ?? null,
      signerUserId: stored.signerUserId,
      signerProviderId: stored.signerProviderId ?? null,
      signedAt: stored.signedAt.toISOString(),
    });
    expect(recorded).toMatchObject({
      contractId: contract.id,
      documentSha256: sha256,
      method: 'electronic',
      typedName: 'Dana Whitfield',
      signedBy: 'provider.hilltop',
      signedAt: NOW.toISOString(),
      recordSha256: recomputed,
    });
    expect(stored).toMatchObject({ signerProviderId: contract.providerId, origin: '203.0.113.7' });
    expect((await reloaded(contract.id)).status).toBe('issued');
    expect((await historyOf(contract.id)).map((row) => row.action)).toEqual(['sign']);
    const signed = (await eventsOf(contract.id)).filter(
      (event) => event.type === 'contract.signed',
    );
    expect(signed).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          signatureId: recorded.signatureId,
          documentSha256: sha256,
        }),
      }),
    ]);
  });

  it('SS-5: a retried signature (same signatureId) records one signature and answers the same record', async () => {
    const { contract } = await newIssuedContract();
    const input = electronic(contract, await currentSha(contract.id));
    const first = await steps.recordContractSignature(input);
    const retried = await steps.recordContractSignature(input);

    expect(retried).toEqual(first);
    expect(await orm.em.fork().count(ContractSignature, { contractId: contract.id })).toBe(1);
    expect((await eventsOf(contract.id)).map((event) => event.type)).toEqual(['contract.signed']);
  });

  it('SS-5: a wet signature records the day the paper arrived, by a resource manager', async () => {
    const { contract } = await newIssuedContract();
    const recorded = await steps.recordContractSignature(
      electronic(contract, await currentSha(contract.id), {
        method: 'wet',
        consentStatement: null,
        receivedOn: '2026-03-14',
        signedBy: RM,
        typedName: 'Dana Whitfield',
      }),
    );
    const stored = await orm.em
      .fork()
      .findOneOrFail(ContractSignature, { id: recorded.signatureId });
    expect(stored).toMatchObject({
      method: 'wet',
      receivedOn: '2026-03-14',
      signerProviderId: null,
    });
  });

  it('SS-5: signers and statements the rule does not allow are refused, non-retryable', async () => {
    const { contract } = await newIssuedContract();
    const sha256 = await currentSha(contract.id);
    await expect(
      steps.recordContractSignature(
        electronic(contract, sha256, {
          signedBy: { userId: 'provider.other', roles: ['provider'], providerId: randomUUID() },
        }),
      ),
    ).rejects.toEqual(refusal(ContractProcessRejection.notTheProvider, 'SS-5'));
    await expect(
      steps.recordContractSignature(electronic(contract, sha256, { consentStatement: 'I agree' })),
    ).rejects.toEqual(refusal('ValidationFailed', 'consent'));
    await expect(
      steps.recordContractSignature(
        electronic(contract, sha256, { method: 'wet', consentStatement: null, signedBy: RM }),
      ),
    ).rejects.toEqual(refusal('ValidationFailed', 'receivedOn'));
    expect(await orm.em.fork().count(ContractSignature, { contractId: contract.id })).toBe(0);
  });

  it('SS-5: a current document that is already signed is not signed again', async () => {
    const { contract } = await newIssuedContract();
    await sign(contract);
    await expect(sign(contract)).rejects.toEqual(
      refusal(ContractProcessRejection.notNow, 'already signed'),
    );
  });
});

describe('re-issuing before signing (CTR-3, CTR-4)', () => {
  it('CTR-3: a re-issue with a reason voids the old document and its signature; a new hash; idempotent by requestId', async () => {
    const { contract } = await newIssuedContract();
    const oldSha = await currentSha(contract.id);
    const oldSignature = await sign(contract);
    const input = {
      contractId: contract.id,
      requestId: randomUUID(),
      reason: 'Place limit raised from 8 to 10',
      changes: { placeLimit: 10 },
      requestedBy: RM,
      workflowId: `contract/${contract.id}`,
    };
    const reissued = await steps.reissueContract(input);
    const retried = await steps.reissueContract(input);

    expect(retried).toEqual(reissued);
    expect(reissued.issueNumber).toBe(2);
    expect(reissued.sha256).not.toBe(oldSha);
    expect(await currentSha(contract.id)).toBe(reissued.sha256);
    const em = orm.em.fork();
    const old = await em.findOneOrFail(ContractDocument, { id: oldSignature.documentId });
    expect(old.voidedAt).not.toBeNull();
    const voidedSignature = await em.findOneOrFail(ContractSignature, {
      id: oldSignature.signatureId,
    });
    expect(voidedSignature.voidedAt).not.toBeNull();
    expect((await reloaded(contract.id)).placeLimit).toBe(10);
    const events = (await eventsOf(contract.id)).filter(
      (event) => event.type === 'contract.reissued',
    );
    expect(events).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          documentSha256: reissued.sha256,
          voidedDocumentId: old.id,
          reason: 'Place limit raised from 8 to 10',
          issueNumber: 2,
        }),
      }),
    ]);
  });

  it('CTR-4: a signature on the document voided by a re-issue is refused, naming the current document', async () => {
    const { contract } = await newIssuedContract();
    const oldSha = await currentSha(contract.id);
    const reissued = await steps.reissueContract({
      contractId: contract.id,
      requestId: randomUUID(),
      reason: 'Performance target changed',
      changes: { performanceMeasures: [{ name: 'Placement stability', target: '95%' }] },
      requestedBy: RM,
      workflowId: `contract/${contract.id}`,
    });

    await expect(steps.recordContractSignature(electronic(contract, oldSha))).rejects.toEqual(
      refusal(
        ContractProcessRejection.documentMismatch,
        new RegExp(`^CTR-4: .*${reissued.sha256}`),
      ),
    );
    expect(await orm.em.fork().count(ContractSignature, { contractId: contract.id })).toBe(0);
  });

  it('CTR-3: a re-issue needs a reason', async () => {
    const { contract } = await newIssuedContract();
    await expect(
      steps.reissueContract({
        contractId: contract.id,
        requestId: randomUUID(),
        reason: '  ',
        changes: { placeLimit: 9 },
        requestedBy: RM,
        workflowId: `contract/${contract.id}`,
      }),
    ).rejects.toEqual(refusal('ValidationFailed', 'reason'));
  });
});

type Spoil = (party: ContractParty) => Promise<unknown>;
const spoilers: [string, Spoil, RegExp][] = [
  [
    'the provider is not approved (enrolled)',
    (party) =>
      orm.em.fork().nativeUpdate(Provider, { id: party.providerId }, { status: 'enrolled' }),
    /^CTR-4: the provider is enrolled, not approved$/,
  ],
  [
    'a covered service is pending',
    (party) =>
      orm.em.fork().nativeUpdate(ProviderService, { id: party.serviceId }, { status: 'pending' }),
    /^CTR-4: the covered service .+ is pending, not approved$/,
  ],
  [
    'a covered service is suspended',
    (party) =>
      orm.em.fork().nativeUpdate(ProviderService, { id: party.serviceId }, { status: 'suspended' }),
    /^CTR-4: the covered service .+ is suspended, not approved$/,
  ],
  [
    'the provider holds no licence of a required type',
    (party) => orm.em.fork().nativeDelete(Licence, { id: party.licenceId }),
    /^CTR-2: no valid FOSTER-\w+ licence on the activation date$/,
  ],
  [
    'the licence of a required type expired the day before',
    (party) =>
      orm.em.fork().nativeUpdate(Licence, { id: party.licenceId }, { periodTo: '2026-03-14' }),
    /^CTR-2: no valid FOSTER-\w+ licence on the activation date$/,
  ],
];

describe('activating the signed contract (CTR-2, CTR-4, FIN-11)', () => {
  it.each(spoilers)(
    'CTR-4: activation is refused when %s — nothing but an activation-refused history row changes',
    async (_case, spoil, reason) => {
      const { party, contract } = await newIssuedContract();
      await sign(contract);
      await spoil(party);
      const eventsBefore = await eventsOf(contract.id);

      const outcome = await steps.activateContract(activation(contract));

      expect(outcome).toEqual({ activated: false, refusals: [expect.stringMatching(reason)] });
      expect(await reloaded(contract.id)).toMatchObject({ status: 'issued', activatedOn: null });
      expect(await eventsOf(contract.id)).toEqual(eventsBefore);
      expect((await historyOf(contract.id)).slice(-1)).toEqual([
        {
          action: 'activation-refused',
          to: 'issued',
          details: expect.objectContaining({ refusals: outcome.activated ? [] : outcome.refusals }),
        },
      ]);
    },
  );

  it('CTR-4: an unsigned contract is not activated', async () => {
    const { contract } = await newIssuedContract();
    expect(await steps.activateContract(activation(contract))).toEqual({
      activated: false,
      refusals: ['CTR-4: the provider has not signed the current contract document'],
    });
  });

  it('FIN-11: activation makes the contract active and announces twelve monthly payments of 200.00 for 2,400.00 a year', async () => {
    const { party, contract } = await newIssuedContract();
    await sign(contract);
    const outcome = await steps.activateContract(activation(contract));

    expect(outcome).toEqual({
      activated: true,
      activatedOn: '2026-03-15',
      supersededContractId: null,
    });
    expect(await reloaded(contract.id)).toMatchObject({
      status: 'active',
      activatedOn: '2026-03-15',
      activatedBy: 'rm.rivera',
    });
    const [activated] = (await eventsOf(contract.id)).filter(
      (e) => e.type === 'contract.activated',
    );
    const payments = (
      activated?.data['fixedFee'] as { payments: { from: string; to: string; amount: string }[] }
    ).payments;
    expect(payments).toHaveLength(12);
    expect(payments.every((payment) => payment.amount === '200.00')).toBe(true);
    expect(payments[0]).toEqual({ from: '2026-01-01', to: '2026-01-31', amount: '200.00' });
    expect(payments[11]).toEqual({ from: '2026-12-01', to: '2026-12-31', amount: '200.00' });
    expect(activated?.data).toMatchObject({
      activatedOn: '2026-03-15',
      period: { from: '2026-01-01', to: '2026-12-31' },
      providerServiceIds: [party.serviceId],
      boundProviderIds: [],
      placeLimit: 8,
      fixedFee: { kind: 'total', amount: '2400.00', frequency: 'monthly' },
      unitRates: [],
      supersedesContractId: null,
    });
  });

  it('WF-3: a retried activation (same requestId) answers the same outcome and activates once', async () => {
    const { contract } = await newIssuedContract();
    await sign(contract);
    const input = activation(contract);
    const first = await steps.activateContract(input);
    const retried = await steps.activateContract(input);

    expect(retried).toEqual(first);
    expect((await historyOf(contract.id)).map((row) => row.action)).toEqual(['sign', 'activate']);
    expect(
      (await eventsOf(contract.id)).filter((e) => e.type === 'contract.activated'),
    ).toHaveLength(1);
  });

  it('CTR-3: another activation of an active contract is refused as out of turn', async () => {
    const { contract } = await newIssuedContract();
    await sign(contract);
    await steps.activateContract(activation(contract));
    await expect(steps.activateContract(activation(contract))).rejects.toEqual(
      refusal(ContractProcessRejection.notNow, 'CTR-3'),
    );
  });

  it('CTR-5: activating an amendment supersedes the active version (amended, contract.amended)', async () => {
    const { party, contract: original } = await newIssuedContract();
    await sign(original);
    await steps.activateContract(activation(original));
    const amendment = await issuedContractRecord(orm, world, party, {
      amends: await reloaded(original.id),
      period: { from: '2026-07-01' as never, to: '2026-12-31' as never },
    });
    await sign(amendment);

    const outcome = await steps.activateContract(activation(amendment));

    expect(outcome).toEqual({
      activated: true,
      activatedOn: '2026-03-15',
      supersededContractId: original.id,
    });
    expect((await reloaded(original.id)).status).toBe('amended');
    expect((await historyOf(original.id)).map((row) => row.action)).toEqual([
      'sign',
      'activate',
      'supersede',
    ]);
    const amended = (await eventsOf(original.id)).filter((e) => e.type === 'contract.amended');
    // The amendment starts on 1 July, after its activation: the old version binds until then.
    expect(amended).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          amendedByContractId: amendment.id,
          effectiveFrom: '2026-07-01',
        }),
      }),
    ]);
    const [activated] = (await eventsOf(amendment.id)).filter(
      (e) => e.type === 'contract.activated',
    );
    expect(activated?.data).toMatchObject({ supersedesContractId: original.id, version: 2 });
  });
});

describe('reminding the provider to sign (WF-3)', () => {
  it('WF-3: a reminder is recorded once per request key, as a notice the provider sees', async () => {
    const { contract } = await newIssuedContract();
    const input = {
      contractId: contract.id,
      requestKey: `contract/${contract.id}/reminder/1/14`,
      deadline: '2026-03-31T09:00:00.000Z',
      message: 'Contract awaits your signature by 31 March 2026',
    };
    const first = await steps.remindProviderToSign(input);
    const retried = await steps.remindProviderToSign(input);

    expect(first).toEqual({ contractId: contract.id, sentTo: [] });
    expect(retried).toEqual(first);
    const notices = await orm.em.fork().find(ContractNotice, { contractId: contract.id });
    expect(notices).toEqual([
      expect.objectContaining({
        message: input.message,
        deadline: new Date(input.deadline),
        sentTo: [],
      }),
    ]);
    // SS-5: the provider's user sees it on the contract in self-service.
    const providerUser = {
      userId: 'provider.hilltop',
      roles: ['provider' as const],
      providerId: contract.providerId,
    };
    const seen = await new SelfServiceContractsService(orm).get(providerUser, contract.id);
    expect(seen.signatureReminders).toEqual([
      { message: input.message, deadline: input.deadline, sentAt: expect.any(String) },
    ]);
  });
});

describe('what the process reads (WF-3)', () => {
  it('WF-3: the contract for the process names its current document and the signature on it', async () => {
    const { contract } = await newIssuedContract();
    const signature = await sign(contract);
    expect(await steps.getContractForProcess(contract.id)).toMatchObject({
      contractId: contract.id,
      status: 'issued',
      document: {
        documentId: signature.documentId,
        sha256: signature.documentSha256,
        issueNumber: 1,
      },
      signature,
      amendsContractId: null,
    });
    await expect(steps.getContractForProcess(randomUUID())).rejects.toEqual(
      refusal('ContractNotFound', 'No contract'),
    );
  });
});
