import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { ELECTRONIC_SIGNATURE_CONSENT } from '../src/contracts/signature-record.js';
import {
  approvedService,
  contractParty,
  createContract,
  fetchPdf,
  fixedFeeContract,
  issueContract,
  pdfText,
  type ContractBody,
} from './support/contract-fixtures.js';
import { insertDemoProvider } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Page } from './support/types.js';
import { PROVIDER_USER, RM } from './support/users.js';

/** SS-5 / ROLE-2: a provider reviews the contracts issued to it, and only those. */

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
});

afterAll(async () => {
  await app?.close();
});

type SelfServiceContract = ContractBody & { consentStatement: string };

const own = (path = '') =>
  app.request<SelfServiceContract & Page<{ id: string }>>('GET', `/self-service/contracts${path}`, {
    user: PROVIDER_USER,
  });

describe("the provider's contracts in self-service (SS-5, ROLE-2)", () => {
  it('SS-5: the provider lists and reads the contracts issued to it, with the consent statement, and fetches the document it is asked to sign', async () => {
    const serviceId = await approvedService(app, DEMO_PROVIDER_ID);
    const draft = await createContract(app, fixedFeeContract(DEMO_PROVIDER_ID, serviceId));
    const issued = await createContract(
      app,
      fixedFeeContract(DEMO_PROVIDER_ID, serviceId, { title: 'Day care 2026' }),
    );
    const staffView = await issueContract(app, issued.id);

    const list = await own();
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toEqual([issued.id]);

    const contract = await own(`/${issued.id}`);
    expect(contract.status).toBe(200);
    expect(contract.body).toMatchObject({
      id: issued.id,
      status: 'issued',
      awaitingSignature: true,
      consentStatement: ELECTRONIC_SIGNATURE_CONSENT,
      signLink: `/self-service/contracts/${issued.id}/signature`,
      document: {
        sha256: staffView.document?.sha256,
        link: `/self-service/contracts/${issued.id}/documents/${staffView.document?.id}`,
      },
    });
    const pdf = await fetchPdf(app, `/self-service/contracts/${issued.id}/document`, PROVIDER_USER);
    expect(pdf.status).toBe(200);
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(staffView.document?.sha256);
    expect(pdf.headers.get('x-document-sha256')).toBe(staffView.document?.sha256);
    expect(await pdfText(pdf.bytes)).toContain('Sunrise Day Care');

    // ROLE-2: a draft is the agency's
    expect((await own(`/${draft.id}`)).status).toBe(404);
    expect(
      (await fetchPdf(app, `/self-service/contracts/${draft.id}/document`, PROVIDER_USER)).status,
    ).toBe(404);
  });

  it("ROLE-2: another provider's contract is 404 — its record and its document; staff use the staff endpoints (403)", async () => {
    const { providerId, serviceId } = await contractParty(app, 'Someone Else');
    const theirs = await createContract(app, fixedFeeContract(providerId, serviceId));
    const issued = await issueContract(app, theirs.id);
    expect((await own(`/${theirs.id}`)).status).toBe(404);
    expect(
      (await fetchPdf(app, `/self-service/contracts/${theirs.id}/document`, PROVIDER_USER)).status,
    ).toBe(404);
    expect(
      (
        await fetchPdf(
          app,
          `/self-service/contracts/${theirs.id}/documents/${issued.document?.id}`,
          PROVIDER_USER,
        )
      ).status,
    ).toBe(404);
    expect((await own()).body.items.map((item) => item.id)).not.toContain(theirs.id);
    expect((await app.request('GET', '/self-service/contracts', { user: RM })).status).toBe(403);
    expect(
      (await app.request('GET', `/contracts/${theirs.id}`, { user: PROVIDER_USER })).status,
    ).toBe(403);
  });
});
