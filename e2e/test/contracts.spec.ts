import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  contractActivated,
  contractApprovalStateQuery,
  contractApprovalWorkflowId,
  contractSigned,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import type { Platform } from '../src/index.js';
import { contractParties, type ContractParties } from './contract-fixtures.js';
import { call, download } from './http.js';
import { startEndToEnd, type EndToEnd } from './support.js';

/**
 * WF-3 end to end over HTTP (CTR-3, CTR-4, SS-5): a resource manager creates and issues a
 * contract → the publish–sign–activate process runs → the provider's self-service user fetches
 * the PDF and signs it → a resource manager activates it → the contract is active and
 * `contract.activated`, which finance starts fixed-fee payments from (FIN-11), is on Kafka.
 * Another provider's user can neither see nor sign it.
 */
let e2e: EndToEnd;
let platform: Platform;
let tokens: Record<string, string>;
let parties: ContractParties;

const MANAGER = 'rm.rivera';
const PROVIDER_USER = 'provider.sunrise';
const OTHER_PROVIDER_USER = 'provider.harbor';

beforeAll(async () => {
  e2e = await startEndToEnd(
    'e2e-wf3',
    [contractActivated],
    ['admin.ada', MANAGER, PROVIDER_USER, OTHER_PROVIDER_USER],
  );
  ({ platform, tokens } = e2e);
  parties = await contractParties(platform, {
    admin: tokens['admin.ada'] as string,
    manager: tokens[MANAGER] as string,
  });
});

afterAll(async () => {
  await e2e?.stop();
});

interface ContractView {
  id: string;
  status: string;
  contractNumber: string;
  document: { id: string; sha256: string; issueNumber: number } | null;
  signatures: { signatureId: string; documentSha256: string; verified: boolean }[];
}

const contracts = () => `${platform.providersUrl}/contracts`;
const selfService = () => `${platform.providersUrl}/self-service/contracts`;

async function post<T = Record<string, unknown>>(url: string, user: string, body: unknown = {}) {
  return call<T>('POST', url, { token: tokens[user], body });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function sign(contractId: string, user: string, documentSha256: string) {
  return post<{ documentSha256?: string; recordSha256?: string; errors?: { field: string }[] }>(
    `${selfService()}/${contractId}/signature`,
    user,
    { documentSha256, typedName: 'Dana Whitfield', consent: true },
  );
}

/** A fixed-fee contract of the demo provider for 2027 (12,000.00 a year, paid monthly). */
async function createContract(requiredLicenceTypeCodes: string[]): Promise<string> {
  const created = await post<ContractView>(contracts(), MANAGER, {
    title: 'Day care places 2027',
    providerId: parties.providerId,
    type: 'fixed-fee',
    period: { from: '2027-01-01', to: '2027-12-31' },
    coveredProviderServiceIds: [parties.providerServiceId],
    fixedFee: { kind: 'total', amount: '12000.00', frequency: 'monthly' },
    placeLimit: 10,
    performanceMeasures: [{ name: 'Attendance reported on time', target: '95%' }],
    requiredLicenceTypeCodes,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('contracts end to end (WF-3, CTR-4, SS-5)', () => {
  it('WF-3: create and issue → the provider fetches the PDF and signs → activate → active, contract.activated on Kafka; another provider gets 404', async () => {
    const contractId = await createContract([parties.licenceTypeCode]);
    const workflowId = contractApprovalWorkflowId(contractId);

    const issued = await post<ContractView>(`${contracts()}/${contractId}/issue`, MANAGER);
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe('issued');
    const firstHash = issued.body.document?.sha256 as string;

    // An operator finds the process waiting for the signature in the Temporal UI.
    await eventually(async () => {
      expect(
        await e2e.workflowIdsMatching(
          `ContractId = '${contractId}' AND ContractStatus = 'issued' AND AwaitingSignatureSince IS NOT NULL`,
        ),
      ).toEqual([workflowId]);
    });

    // Another provider's user can neither see nor sign it (ROLE-2).
    const other = tokens[OTHER_PROVIDER_USER] as string;
    expect((await call('GET', `${selfService()}/${contractId}`, { token: other })).status).toBe(
      404,
    );
    expect((await download(`${selfService()}/${contractId}/document`, other)).status).toBe(404);
    expect((await sign(contractId, OTHER_PROVIDER_USER, firstHash)).status).toBe(404);

    // CTR-3: the terms change before signing → re-issued with a reason; the old document is void.
    const reissued = await post<{ sha256: string; issueNumber: number }>(
      `${contracts()}/${contractId}/reissue`,
      MANAGER,
      {
        reason: 'Place limit raised from 10 to 12',
        changes: { placeLimit: 12 },
      },
    );
    expect(reissued.status).toBe(201);
    expect(reissued.body.issueNumber).toBe(2);
    const currentHash = reissued.body.sha256;
    expect(currentHash).not.toBe(firstHash);

    // The provider's user sees the contract and fetches the current PDF; its bytes hash to it.
    const mine = await call<{ items: { id: string }[] }>('GET', selfService(), {
      token: tokens[PROVIDER_USER],
    });
    expect(mine.body.items.map((item) => item.id)).toContain(contractId);
    const pdf = await download(
      `${selfService()}/${contractId}/document`,
      tokens[PROVIDER_USER] as string,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(sha256(pdf.bytes)).toBe(currentHash);

    // A signature on the voided document is refused: its hash is no longer the current one.
    const stale = await sign(contractId, PROVIDER_USER, firstHash);
    expect(stale.status).toBe(409);
    expect(stale.body.errors?.map((error) => error.field)).toEqual(['documentSha256']);

    const signed = await sign(contractId, PROVIDER_USER, sha256(pdf.bytes));
    expect(signed.status).toBe(201);
    expect(signed.body.documentSha256).toBe(currentHash);

    // Signed: the resource managers get the activation task; the process waits for it.
    await eventually(async () => {
      const open = await call<{ items: { workflowId: string }[] }>(
        'GET',
        `${platform.tasksUrl}/tasks?queue=contract-activations&subjectId=${contractId}&status=open`,
        { token: tokens[MANAGER] },
      );
      expect(open.body.items.map((task) => task.workflowId)).toEqual([workflowId]);
    });

    const activated = await post<ContractView>(`${contracts()}/${contractId}/activate`, MANAGER);
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');

    // The record: active, its signature bound to the current document and intact.
    const shown = await call<ContractView>('GET', `${contracts()}/${contractId}`, {
      token: tokens[MANAGER],
    });
    expect(shown.body.status).toBe('active');
    const live = shown.body.signatures.filter((s) => s.documentSha256 === currentHash);
    expect(live).toEqual([expect.objectContaining({ verified: true })]);

    // The process shows it active; the activation task was closed by it.
    const state = await e2e.temporal.workflow
      .getHandle(workflowId)
      .query(contractApprovalStateQuery);
    expect(state).toMatchObject({ status: 'active', activationRefusals: [] });
    await eventually(async () => {
      expect(
        await e2e.workflowIdsMatching(`ContractId = '${contractId}' AND ContractStatus = 'active'`),
      ).toEqual([workflowId]);
    });

    // FIN-11: the event finance starts fixed-fee payments from — 12,000.00 a year monthly.
    const [event] = await eventually(() => {
      const found = e2e.events(contractActivated.type, contractId);
      expect(found).toHaveLength(1);
      return found;
    });
    const data = event?.data as {
      fixedFee: { payments: { amount: string }[] };
      placeLimit: number;
    };
    expect(data.placeLimit).toBe(12);
    expect(data.fixedFee.payments).toHaveLength(12);
    expect(new Set(data.fixedFee.payments.map((payment) => payment.amount))).toEqual(
      new Set(['1000.00']),
    );
    expect(event?.correlationId).toBe(workflowId);
    // The signature is on Kafka once, bound to the current document (SS-5).
    const signatures = e2e.events(contractSigned.type, contractId);
    expect(signatures.map((e) => (e.data as { documentSha256: string }).documentSha256)).toEqual([
      currentHash,
    ]);
  });

  it('CTR-2 / CTR-4: activation without a valid licence of a required type is refused with the reason, and nothing changes', async () => {
    // The agency registers a licence type the provider holds no licence of.
    const fosterCare = await post(`${platform.providersUrl}/licence-types`, 'admin.ada', {
      code: 'FOSTER-CARE',
      name: 'Foster care licence',
      description: 'Licence to provide foster care',
      mandatoryCourseCodes: [],
      defaultValidityMonths: 12,
    });
    expect(fosterCare.status).toBe(201);
    const contractId = await createContract([parties.licenceTypeCode, 'FOSTER-CARE']);
    const issued = await post<ContractView>(`${contracts()}/${contractId}/issue`, MANAGER);
    expect(issued.status).toBe(200);
    const signed = await sign(contractId, PROVIDER_USER, issued.body.document?.sha256 as string);
    expect(signed.status).toBe(201);

    const refused = await post<{ rule: string; refusals: string[] }>(
      `${contracts()}/${contractId}/activate`,
      MANAGER,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('CTR-4');
    expect(refused.body.refusals).toEqual([
      'CTR-2: no valid FOSTER-CARE licence on the activation date',
    ]);

    // Still issued and signed; the process shows the reasons and keeps the activation task open.
    const shown = await call<ContractView>('GET', `${contracts()}/${contractId}`, {
      token: tokens[MANAGER],
    });
    expect(shown.body.status).toBe('issued');
    const state = await e2e.temporal.workflow
      .getHandle(contractApprovalWorkflowId(contractId))
      .query(contractApprovalStateQuery);
    expect(state).toMatchObject({
      status: 'awaiting-activation',
      activationRefusals: refused.body.refusals,
    });
    expect(e2e.events(contractActivated.type, contractId)).toEqual([]);
  });
});
