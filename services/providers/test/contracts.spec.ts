import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { signatureRecordSha256 } from '../src/contracts/signature-record.js';
import {
  approvedService,
  contractParty,
  createContract,
  createLicenceType,
  fetchPdf,
  fixedFeeContract,
  issueContract,
  pdfText,
  utilizationContract,
  type ContractBody,
} from './support/contract-fixtures.js';
import { expectProblem, withoutEvents } from './support/expectations.js';
import {
  addProviderService,
  createServiceProduct,
  postCreated,
  uniqueName,
  UNKNOWN_ID,
} from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Json, Page, Problem } from './support/types.js';
import { FINANCE, OPERATOR, PROVIDER_USER, RM } from './support/users.js';

/** Contract records over HTTP: create, edit, find, issue (CTR-1…CTR-4, CTR-3, WF-3's start). */

let app: ProvidersApp;
let temporal: Client;

beforeAll(async () => {
  app = await startProvidersApp();
  temporal = await app.temporal();
});

afterAll(async () => {
  await app?.close();
});

const post = (path: string, body: unknown = {}, user = RM) =>
  app.request<ContractBody & Problem>('POST', path, { user, body });
const patch = (id: string, body: unknown) =>
  app.request<ContractBody & Problem>('PATCH', `/contracts/${id}`, { user: RM, body });
const get = (id: string, user = RM) =>
  app.request<ContractBody & Problem>('GET', `/contracts/${id}`, { user });

/** WF-3's start input and the signals the process received, from its history. */
async function whatReached(handle: WorkflowHandle) {
  const history = await handle.fetchHistory();
  const decode = (payloads?: { payloads?: unknown[] | null } | null) =>
    (payloads?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p as never));
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  const signals = (history.events ?? [])
    .flatMap((event) => event.workflowExecutionSignaledEventAttributes ?? [])
    .map((signal) => ({ name: signal.signalName ?? '', input: decode(signal.input)[0] }));
  return { type: started?.workflowType?.name, input: decode(started?.input)[0], signals };
}

describe('creating contracts (CTR-1, CTR-2)', () => {
  it('CTR-2: a resource manager creates a fixed-fee contract in editing, numbered C-<year>-nnnnnn; contract.created is published once', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const licenceType = await createLicenceType(app);
    const created = await post(
      '/contracts',
      fixedFeeContract(providerId, serviceId, {
        requiredLicenceTypeCodes: [licenceType.code.toLowerCase()],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      contractNumber: expect.stringMatching(/^C-\d{4}-\d{6}$/),
      version: 1,
      status: 'editing',
      type: 'fixed-fee',
      providerId,
      period: { from: '2026-01-01', to: '2026-12-31' },
      coveredProviderServiceIds: [serviceId],
      fixedFee: { kind: 'total', amount: '12000.00', frequency: 'monthly' },
      unitRates: [],
      placeLimit: 6,
      requiredLicenceTypeCodes: [licenceType.code],
      availableActions: ['issue', 'cancel'],
      issueCount: 0,
      document: null,
      documents: [],
      processWorkflowId: null,
    });
    const [event] = await app.expectEvents(created.body.id, ['contract.created']);
    expect(event).toMatchObject({
      aggregateType: 'contract',
      actor: { userId: RM },
      data: {
        contractId: created.body.id,
        contractNumber: created.body.contractNumber,
        version: 1,
        providerId,
        type: 'fixed-fee',
        period: { from: '2026-01-01', to: '2026-12-31' },
        amendsContractId: null,
        renewsContractId: null,
      },
    });
    expect((await get(created.body.id, FINANCE)).body).toEqual(created.body);
  });

  it('CTR-1: a fixed-fee contract states its fee and no unit rates, a utilization one no fee — each refusal names CTR-1 and the field, and records nothing', async () => {
    const { providerId, serviceId } = await contractParty(app);
    await withoutEvents(app, async () => {
      expectProblem(
        await post('/contracts', fixedFeeContract(providerId, serviceId, { fixedFee: null })),
        422,
        { rule: 'CTR-1', field: 'fixedFee' },
      );
      expectProblem(
        await post(
          '/contracts',
          fixedFeeContract(providerId, serviceId, {
            unitRates: [
              { providerServiceId: serviceId, from: '2026-01-01', to: '2026-12-31', rate: '10' },
            ],
          }),
        ),
        422,
        { rule: 'CTR-1', field: 'unitRates' },
      );
      expectProblem(
        await post(
          '/contracts',
          utilizationContract(providerId, serviceId, {
            fixedFee: { kind: 'periodic', amount: '100.00', frequency: 'monthly' },
          }),
        ),
        422,
        { rule: 'CTR-1', field: 'fixedFee' },
      );
    });
  });

  it("CTR-2: covered services are approved services of the provider — another provider's, or a pending one, is refused naming CTR-2", async () => {
    const mine = await contractParty(app, 'Mine');
    const theirs = await contractParty(app, 'Theirs');
    const pending = await addProviderService(app, mine.providerId, {
      serviceProductId: await createServiceProduct(app),
    });
    await withoutEvents(app, async () => {
      for (const serviceId of [theirs.serviceId, pending.id, UNKNOWN_ID]) {
        const refused = await post('/contracts', fixedFeeContract(mine.providerId, serviceId));
        expectProblem(refused, 422, { rule: 'CTR-2', field: 'coveredProviderServiceIds' });
        expect(refused.body.detail).toContain(serviceId);
      }
    });
  });

  it('CTR-5: unit rates lie within the period and do not overlap per service; a rate for an uncovered service is refused naming CTR-2', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const other = await approvedService(app, providerId);
    const rate = (from: string, to: string, providerServiceId = serviceId) => ({
      providerServiceId,
      from,
      to,
      rate: '45.50',
    });
    const cases: [Json[], string][] = [
      [[rate('2026-01-01', '2026-06-30'), rate('2026-06-01', '2026-12-31')], 'CTR-5'],
      [[rate('2025-12-01', '2026-06-30')], 'CTR-2'],
      [[rate('2026-01-01', '2026-12-31', other)], 'CTR-2'],
    ];
    await withoutEvents(app, async () => {
      for (const [unitRates, rule] of cases) {
        expectProblem(
          await post('/contracts', utilizationContract(providerId, serviceId, { unitRates })),
          422,
          { rule, field: 'unitRates' },
        );
      }
    });
  });

  it('CTR-2: an unknown required licence type, or bound providers on a contract with no group, are refused naming the field', async () => {
    const { providerId, serviceId } = await contractParty(app);
    expectProblem(
      await post(
        '/contracts',
        fixedFeeContract(providerId, serviceId, { requiredLicenceTypeCodes: ['NO-SUCH-TYPE'] }),
      ),
      422,
      { rule: 'CTR-2', field: 'requiredLicenceTypeCodes' },
    );
    expectProblem(
      await post(
        '/contracts',
        fixedFeeContract(providerId, serviceId, { boundProviderIds: [providerId] }),
      ),
      422,
      { rule: 'CTR-2', field: 'boundProviderIds' },
    );
  });

  it('CTR-2: a group contract binds providers affiliated with the group and covers their services; an unaffiliated one is refused naming CTR-2', async () => {
    const group = await postCreated<{ id: string }>(app, '/provider-groups', {
      name: uniqueName('Northshire Network'),
    });
    const lead = await contractParty(app, 'Lead Home');
    const member = await contractParty(app, 'Member Home');
    const outsider = await contractParty(app, 'Outside Home');
    for (const providerId of [lead.providerId, member.providerId]) {
      await postCreated(app, `/provider-groups/${group.id}/affiliations`, {
        providerId,
        startDate: '2025-01-01',
        paymentsToGroup: true,
      });
    }
    const groupContract = (boundProviderIds: string[], services: string[]) =>
      fixedFeeContract(lead.providerId, lead.serviceId, {
        providerGroupId: group.id,
        boundProviderIds,
        coveredProviderServiceIds: services,
      });
    await withoutEvents(app, async () => {
      expectProblem(
        await post('/contracts', groupContract([outsider.providerId], [lead.serviceId])),
        422,
        { rule: 'CTR-2', field: 'boundProviderIds' },
      );
      expectProblem(
        await post('/contracts', groupContract([member.providerId], [outsider.serviceId])),
        422,
        { rule: 'CTR-2', field: 'coveredProviderServiceIds' },
      );
    });
    const created = await post(
      '/contracts',
      groupContract([member.providerId], [lead.serviceId, member.serviceId]),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      providerGroupId: group.id,
      boundProviderIds: [member.providerId],
    });
    await issueContract(app, created.body.id);
    const pdf = await fetchPdf(app, `/contracts/${created.body.id}/document`, RM);
    expect(await pdfText(pdf.bytes)).toContain('Member Home');
  });

  it('bad contract bodies are 400 naming each field', async () => {
    const bad = await post('/contracts', {
      title: '',
      providerId: 'x',
      type: 'barter',
      period: { from: '2026-12-31', to: '2026-01-01' },
      fixedFee: { kind: 'total', amount: '12.345', frequency: 'weekly' },
    });
    expectProblem(bad, 400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining([
        'title',
        'providerId',
        'type',
        'period.to',
        'fixedFee.amount',
        'fixedFee.frequency',
      ]),
    );
    expect((await get('not-a-uuid')).status).toBe(400);
    expect((await get(UNKNOWN_ID)).status).toBe(404);
  });

  it('ROLE: finance users and operators read contracts but cannot create them; a provider uses self-service', async () => {
    const { providerId, serviceId } = await contractParty(app);
    for (const user of [FINANCE, OPERATOR, PROVIDER_USER]) {
      expect((await post('/contracts', fixedFeeContract(providerId, serviceId), user)).status).toBe(
        403,
      );
    }
    expect((await app.request('GET', '/contracts', { user: PROVIDER_USER })).status).toBe(403);
    expect((await app.request('GET', '/contracts', { user: OPERATOR })).status).toBe(200);
  });
});

describe('editing and finding contracts (CTR-3)', () => {
  it('CTR-3: while editing a PATCH replaces the terms it names; the history records who changed what', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const second = await approvedService(app, providerId);
    const created = await createContract(app, utilizationContract(providerId, serviceId));
    const changed = await patch(created.id, {
      coveredProviderServiceIds: [serviceId, second],
      unitRates: [
        { providerServiceId: second, from: '2026-03-01', to: '2026-12-31', rate: '99.99' },
      ],
      placeLimit: 3,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      coveredProviderServiceIds: [serviceId, second].sort(),
      unitRates: [
        { providerServiceId: second, from: '2026-03-01', to: '2026-12-31', rate: '99.99' },
      ],
      placeLimit: 3,
      status: 'editing',
    });
    const history = await app.request<{ action: string; details: Json; actor: string }[]>(
      'GET',
      `/contracts/${created.id}/history`,
      { user: FINANCE },
    );
    expect(history.body.map((row) => row.action)).toEqual(['create', 'update']);
    expect(history.body[1]).toMatchObject({
      actor: RM,
      details: { changed: ['coveredProviderServiceIds', 'unitRates', 'placeLimit'] },
    });
    // a change that breaks a rule changes nothing
    expectProblem(await patch(created.id, { coveredProviderServiceIds: [serviceId] }), 422, {
      rule: 'CTR-2',
      field: 'unitRates',
    });
    expect((await get(created.id)).body.placeLimit).toBe(3);
    // the provider and the type are the contract's identity
    const retyped = await patch(created.id, { type: 'fixed-fee' });
    expectProblem(retyped, 400);
    expect(retyped.body.detail).toContain('"type"');
    expectProblem(await patch(created.id, {}), 400);
  });

  it('CTR-3: contracts are found by provider, status (several), type, number, and binding day; paged', async () => {
    const { providerId, serviceId } = await contractParty(app, 'Listed');
    const fixed = await createContract(app, fixedFeeContract(providerId, serviceId));
    const utilization = await createContract(app, utilizationContract(providerId, serviceId));
    const issued = await createContract(app, fixedFeeContract(providerId, serviceId));
    await issueContract(app, issued.id);

    const list = async (query: string) => {
      const reply = await app.request<Page<{ id: string }>>('GET', `/contracts?${query}`, {
        user: FINANCE,
      });
      expect(reply.status).toBe(200);
      return { ids: reply.body.items.map((item) => item.id), total: reply.body.total };
    };
    const byProvider = `providerId=${providerId}`;
    expect((await list(byProvider)).total).toBe(3);
    expect((await list(`${byProvider}&type=utilization`)).ids).toEqual([utilization.id]);
    expect((await list(`${byProvider}&status=issued`)).ids).toEqual([issued.id]);
    expect((await list(`${byProvider}&status=issued&status=editing`)).total).toBe(3);
    expect((await list(`contractNumber=${fixed.contractNumber}`)).ids).toEqual([fixed.id]);
    expect((await list(`${byProvider}&activeOn=2026-05-01`)).ids).toEqual([]);
    const first = await list(`${byProvider}&limit=2&offset=0`);
    const rest = await list(`${byProvider}&limit=2&offset=2`);
    expect(first.ids).toHaveLength(2);
    expect(new Set([...first.ids, ...rest.ids]).size).toBe(3);
    expectProblem(await app.request('GET', '/contracts?status=signed', { user: FINANCE }), 400, {
      field: 'status',
    });
  });
});

describe('issuing a contract (CTR-3, CTR-4, WF-3)', () => {
  it('CTR-4: issue renders the PDF of the terms — its text names the parties, period and rates; its SHA-256 is the header, the view and the event; WF-3 starts', async () => {
    const { providerId, serviceId } = await contractParty(app, 'Harbour Foster Care');
    const created = await createContract(app, utilizationContract(providerId, serviceId));
    const issued = await issueContract(app, created.id);
    expect(issued).toMatchObject({
      status: 'issued',
      issueCount: 1,
      availableActions: ['reissue', 'activate', 'cancel'],
      awaitingSignature: true,
      processWorkflowId: `contract/${created.id}`,
      document: {
        issueNumber: 1,
        void: false,
        link: `/contracts/${created.id}/documents/${issued.document?.id}`,
      },
    });

    const pdf = await fetchPdf(app, `/contracts/${created.id}/document`, FINANCE);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
    expect(pdf.headers.get('x-document-sha256')).toBe(sha256);
    expect(pdf.headers.get('etag')).toBe(`"${sha256}"`);
    expect(pdf.headers.get('content-disposition')).toContain(created.contractNumber);
    expect(issued.document?.sha256).toBe(sha256);
    const text = await pdfText(pdf.bytes);
    for (const expected of [
      created.contractNumber,
      'Harbour Foster Care',
      '12 Quay Street',
      '2026-01-01',
      '2026-12-31',
      '45.50',
      '47.25',
    ]) {
      expect(text).toContain(expected);
    }

    const [, event] = await app.expectEvents(created.id, ['contract.created', 'contract.issued']);
    expect(event?.data).toMatchObject({
      contractId: created.id,
      documentId: issued.document?.id,
      documentSha256: sha256,
      issueNumber: 1,
      period: { from: '2026-01-01', to: '2026-12-31' },
    });

    const process = temporal.workflow.getHandle(`contract/${created.id}`);
    const reached = await whatReached(process);
    expect(reached).toMatchObject({
      type: 'contractApproval',
      input: {
        contractId: created.id,
        contractNumber: created.contractNumber,
        version: 1,
        providerId,
        document: { documentId: issued.document?.id, sha256, issueNumber: 1 },
        periodTo: '2026-12-31',
        amendsContractId: null,
      },
    });
  });

  it('CTR-3: a contract is issued once — again is 409 naming CTR-3; an issued contract changes only by a re-issue (PATCH 409 naming CTR-3)', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const created = await createContract(app, fixedFeeContract(providerId, serviceId));
    await issueContract(app, created.id);
    await withoutEvents(app, async () => {
      expectProblem(await post(`/contracts/${created.id}/issue`), 409, { rule: 'CTR-3' });
      const changed = await patch(created.id, { placeLimit: 9 });
      expectProblem(changed, 409, { rule: 'CTR-3' });
      expect(changed.body.detail).toContain('/reissue');
    });
  });

  it('CTR-2: a contract covering no service, or a service suspended since, is not issued (422 naming CTR-2) and stays editing', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const empty = await createContract(
      app,
      fixedFeeContract(providerId, serviceId, { coveredProviderServiceIds: [] }),
    );
    const covering = await createContract(app, fixedFeeContract(providerId, serviceId));
    const suspended = await app.request(
      'POST',
      `/providers/${providerId}/services/${serviceId}/suspend`,
      { user: RM, body: { reason: 'Inspection pending' } },
    );
    expect(suspended.status).toBe(200);
    await withoutEvents(app, async () => {
      expectProblem(await post(`/contracts/${empty.id}/issue`), 422, {
        rule: 'CTR-2',
        field: 'coveredProviderServiceIds',
      });
      expectProblem(await post(`/contracts/${covering.id}/issue`), 422, {
        rule: 'CTR-2',
        field: 'coveredProviderServiceIds',
      });
    });
    expect((await get(covering.id)).body).toMatchObject({ status: 'editing', issueCount: 0 });
    expect((await fetchPdf(app, `/contracts/${covering.id}/document`, RM)).status).toBe(404);
  });
});

describe('signature records in the view (SS-5)', () => {
  it('SS-5: each signature is shown verified when its recomputed record hash matches the stored one; a tampered record is not', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const created = await createContract(app, fixedFeeContract(providerId, serviceId));
    const issued = await issueContract(app, created.id);
    const document = issued.document as { id: string; sha256: string };
    const fields = {
      signatureId: randomUUID(),
      contractId: created.id,
      documentId: document.id,
      documentSha256: document.sha256,
      method: 'wet' as const,
      typedName: 'Dana Whitfield',
      consentStatement: null,
      receivedOn: '2026-01-05',
      signerUserId: RM,
      signerProviderId: null,
      signedAt: '2026-01-05T10:00:00.000Z',
    };
    await app.query(
      `insert into contract_signature (id, contract_id, document_id, document_sha256, method,
         typed_name, received_on, signer_user_id, signer_roles, signed_at, record_sha256, recorded_by)
       values ($1, $2, $3, $4, 'wet', $5, $6, $7, '{resource-manager}', $8, $9, $7)`,
      [
        fields.signatureId,
        created.id,
        document.id,
        document.sha256,
        fields.typedName,
        fields.receivedOn,
        RM,
        fields.signedAt,
        signatureRecordSha256(fields),
      ],
    );
    const signed = (await get(created.id)).body;
    expect(signed.awaitingSignature).toBe(false);
    expect(signed.signature).toMatchObject({ id: fields.signatureId, verified: true });

    await app.query(`update contract_signature set typed_name = 'Someone Else' where id = $1`, [
      fields.signatureId,
    ]);
    const tampered = (await get(created.id)).body;
    expect(tampered.signatures).toEqual([
      expect.objectContaining({ id: fields.signatureId, verified: false }),
    ]);
  });
});

describe('cancelling a contract (CTR-3)', () => {
  it('CTR-3: cancelling an issued contract voids its document, announces contract.cancelled and tells WF-3; it is final', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const created = await createContract(app, fixedFeeContract(providerId, serviceId));
    const issued = await issueContract(app, created.id);
    const cancelled = await post(`/contracts/${created.id}/cancel`, {
      reason: 'Provider withdrew',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      availableActions: [],
      document: null,
      documents: [{ id: issued.document?.id, void: true }],
    });
    const voided = await fetchPdf(
      app,
      `/contracts/${created.id}/documents/${issued.document?.id}`,
      RM,
    );
    expect(voided.status).toBe(200);
    expect(voided.headers.get('x-document-void')).toBe('true');
    const [, , event] = await app.expectEvents(created.id, [
      'contract.created',
      'contract.issued',
      'contract.cancelled',
    ]);
    expect(event?.data).toMatchObject({ previousStatus: 'issued', reason: 'Provider withdrew' });
    const reached = await whatReached(temporal.workflow.getHandle(`contract/${created.id}`));
    expect(reached.signals).toEqual([
      {
        name: 'contractClosed',
        input: expect.objectContaining({
          status: 'cancelled',
          reason: 'Provider withdrew',
          by: RM,
        }),
      },
    ]);
    await withoutEvents(app, async () => {
      expectProblem(await post(`/contracts/${created.id}/cancel`), 409, { rule: 'CTR-3' });
    });
  });

  it('CTR-3: a contract in editing is cancelled without a reason', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const created = await createContract(app, fixedFeeContract(providerId, serviceId));
    const cancelled = await post(`/contracts/${created.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    await app.expectEvents(created.id, ['contract.created', 'contract.cancelled']);
  });
});
