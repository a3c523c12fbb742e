import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  addProviderService,
  createServiceProduct,
  enrolProvider,
  postCreated,
  uniqueName,
} from './fixtures.js';
import type { ProvidersApp } from './providers-app.js';
import type { Json } from './types.js';
import { ADMIN, RM } from './users.js';

/** The records contracts are made of (CTR-1, CTR-2), made through the API as staff would. */

export interface ContractBody {
  id: string;
  contractNumber: string;
  version: number;
  status: string;
  type: string;
  providerId: string;
  period: { from: string; to: string };
  coveredProviderServiceIds: string[];
  fixedFee: { kind: string; amount: string; frequency: string } | null;
  unitRates: { providerServiceId: string; from: string; to: string; rate: string }[];
  placeLimit: number | null;
  requiredLicenceTypeCodes: string[];
  /** SS-5: the signature on the current document, and every signature with its verification. */
  signature: { id: string; verified: boolean } | null;
  signatures: { id: string; verified: boolean }[];
  availableActions: string[];
  issueCount: number;
  amendsContractId: string | null;
  renewsContractId: string | null;
  document: { id: string; issueNumber: number; sha256: string; link: string; void: boolean } | null;
  documents: { id: string; issueNumber: number; sha256: string; void: boolean; link: string }[];
  openFlags: { id: string; licenceId: string; licenceTypeCode: string; since: string }[];
  processWorkflowId: string | null;
  awaitingSignature: boolean;
  terminatedOn: string | null;
}

/** A licence type of a unique code (CRD-2), answering its id and code. */
export async function createLicenceType(
  app: ProvidersApp,
  name = 'Foster care licence',
): Promise<{ id: string; code: string }> {
  const code = `LT-${randomUUID().slice(0, 8).toUpperCase()}`;
  const { id } = await postCreated<{ id: string }>(
    app,
    '/licence-types',
    { code, name: uniqueName(name) },
    ADMIN,
  );
  return { id, code };
}

/** PRV-6: an approved provider service from 2026-01-01 (a new product unless one is given). */
export async function approvedService(
  app: ProvidersApp,
  providerId: string,
  productFields: Json = {},
): Promise<string> {
  const serviceProductId = await createServiceProduct(app, productFields);
  const service = await addProviderService(app, providerId, { serviceProductId });
  const approved = await app.request(
    'POST',
    `/providers/${providerId}/services/${service.id}/approve`,
    {
      user: RM,
    },
  );
  expect(approved).toMatchObject({ status: 200 });
  return service.id;
}

/** An approved provider with one approved service: what a contract needs to be created. */
export async function contractParty(
  app: ProvidersApp,
  name = 'Harbour Foster Care',
): Promise<{ providerId: string; serviceId: string }> {
  const providerId = await enrolProvider(app, uniqueName(name), {
    approve: true,
    details: { addressLine1: '12 Quay Street', city: 'Northshire', postalCode: 'NS1 4AB' },
  });
  return { providerId, serviceId: await approvedService(app, providerId) };
}

/** CTR-1: a fixed-fee contract for 2026, 12,000.00 paid monthly, unless `overrides` say more. */
export function fixedFeeContract(
  providerId: string,
  serviceId: string,
  overrides: Json = {},
): Json {
  return {
    title: 'Foster care 2026',
    providerId,
    type: 'fixed-fee',
    period: { from: '2026-01-01', to: '2026-12-31' },
    coveredProviderServiceIds: [serviceId],
    fixedFee: { kind: 'total', amount: '12000.00', frequency: 'monthly' },
    placeLimit: 6,
    performanceMeasures: [{ name: 'Placement stability', target: '90% last 6 months' }],
    ...overrides,
  };
}

/** CTR-1 / CTR-5: a utilization contract for 2026 with two sub-period rates. */
export function utilizationContract(
  providerId: string,
  serviceId: string,
  overrides: Json = {},
): Json {
  return {
    title: 'Respite 2026',
    providerId,
    type: 'utilization',
    period: { from: '2026-01-01', to: '2026-12-31' },
    coveredProviderServiceIds: [serviceId],
    unitRates: [
      { providerServiceId: serviceId, from: '2026-01-01', to: '2026-06-30', rate: '45.50' },
      { providerServiceId: serviceId, from: '2026-07-01', to: '2026-12-31', rate: '47.25' },
    ],
    ...overrides,
  };
}

export const createContract = (app: ProvidersApp, body: Json) =>
  postCreated<ContractBody>(app, '/contracts', body);

/** CTR-4: issues the contract (as the resource manager), which must succeed. */
export async function issueContract(app: ProvidersApp, contractId: string): Promise<ContractBody> {
  const issued = await app.request<ContractBody>('POST', `/contracts/${contractId}/issue`, {
    user: RM,
  });
  expect(issued).toMatchObject({ status: 200 });
  return issued.body;
}

/**
 * CTR-4: the contract as WF-3 leaves it once signed and activated. Activation is the process's
 * step (tested with the process); suites about what follows an active contract set it directly.
 */
export async function markActive(
  app: ProvidersApp,
  contractId: string,
  activatedOn = '2025-12-20',
): Promise<void> {
  await app.query(
    `update contract set status = 'active', activated_on = $2, activated_by = 'rm.rivera'
     where id = $1 and status = 'issued'`,
    [contractId, activatedOn],
  );
}

/** An active contract: created with `body`, issued, activated. */
export async function activeContract(app: ProvidersApp, body: Json): Promise<ContractBody> {
  const created = await createContract(app, body);
  await issueContract(app, created.id);
  await markActive(app, created.id);
  return created;
}

export interface PdfReply {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** GETs a PDF (the JSON client cannot read one) as `user`. */
export async function fetchPdf(app: ProvidersApp, path: string, user: string): Promise<PdfReply> {
  const response = await fetch(`${app.url}${path}`, {
    headers: { authorization: `Bearer ${await app.token(user)}` },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status >= 500) throw new Error(`GET ${path} answered ${response.status}`);
  return { status: response.status, headers: response.headers, bytes };
}

/** The text of a PDF, whitespace collapsed, as a reader would see it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
