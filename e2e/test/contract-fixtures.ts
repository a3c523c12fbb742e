import type { Platform } from '../src/index.js';
import { insertDemoProvider } from './demo-provider.js';
import { call } from './http.js';

/** What a contract of the demo provider (Sunrise Day Care, `provider.sunrise`) refers to. */
export interface ContractParties {
  providerId: string;
  providerServiceId: string;
  licenceTypeCode: string;
  licenceTypeId: string;
}

/** Fails with the whole answer: its problem names the field or rule that refused the request. */
function expectStatus(path: string, response: { status: number; body: unknown }, status: number) {
  if (response.status !== status) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

async function created(
  platform: Platform,
  token: string,
  path: string,
  body: unknown,
): Promise<string> {
  const response = await call<{ id: string }>('POST', `${platform.providersUrl}${path}`, {
    token,
    body,
  });
  expectStatus(path, response, 201);
  return response.body.id;
}

async function succeeded(platform: Platform, token: string, path: string, body: unknown = {}) {
  const response = await call('POST', `${platform.providersUrl}${path}`, { token, body });
  expectStatus(path, response, 200);
}

/**
 * The demo provider, approved, with an approved day-care service and an approved child-care
 * licence: what CTR-4 needs to activate a contract covering that service. The provider row is
 * inserted with its fixed id (the self-service user's), the rest goes through the HTTP API as
 * the administrator and a resource manager would.
 */
export async function contractParties(
  platform: Platform,
  tokens: { admin: string; manager: string },
): Promise<ContractParties> {
  const providerId = await insertDemoProvider(platform);
  await succeeded(platform, tokens.manager, `/providers/${providerId}/lifecycle`, {
    action: 'approve',
  });
  const productId = await created(platform, tokens.admin, '/service-products', {
    name: 'Day Care Places',
    unitOfMeasure: 'place',
    payBasedOnAttendance: false,
    payBasedOnPlacement: true,
    approvalCriteria: ['licence'],
    delivery: { type: 'service-delivery' },
    paymentOptions: { fixed: 'pay-billed', minimum: 'pay-billed', maximum: 'pay-maximum' },
  });
  const licenceTypeCode = 'CHILD-CARE';
  const licenceTypeId = await created(platform, tokens.admin, '/licence-types', {
    code: licenceTypeCode,
    name: 'Child care centre licence',
    description: 'Licence to run a day care centre',
    mandatoryCourseCodes: [],
    defaultValidityMonths: 24,
  });
  const services = `/providers/${providerId}/services`;
  const providerServiceId = await created(platform, tokens.manager, services, {
    serviceProductId: productId,
    from: '2026-01-01',
  });
  await succeeded(platform, tokens.manager, `${services}/${providerServiceId}/approve`);
  const licences = `/providers/${providerId}/licences`;
  const licenceId = await created(platform, tokens.manager, licences, {
    licenceTypeId,
    number: 'CC-2026-0001',
    issuingAuthority: 'State Department of Children and Families',
    from: '2026-01-01',
    providerServiceIds: [providerServiceId],
  });
  await succeeded(platform, tokens.manager, `${licences}/${licenceId}/approve`);
  return { providerId, providerServiceId, licenceTypeCode, licenceTypeId };
}
