import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { serviceIndexAdded, taxonomyVersionPublished } from '@platform/contracts';
import { eventually, repoRoot } from '@platform/testing';
import { call } from './http.js';
import { as, expectStatus } from './placement-fixtures.js';
import { startEndToEnd, type EndToEnd } from './support.js';

/**
 * The guide's indexing example (chapter 13.4.1, DOMAIN.md TAX-8, TAX-9) end to end: the
 * administrator imports the AIRS/211 sample file and publishes it; the providers service enrols
 * Park Street Outreach Center with its mentoring service, and the taxonomy service learns of it
 * from Kafka; a resource manager indexes it "Youth Mentoring * At Risk Youth * Girls", after which
 * a case worker's search finds it by each of those words — and not before.
 */
let e2e: EndToEnd;
let providersUrl: string;
let taxonomyUrl: string;

const ADMIN = 'admin.ada';
const MANAGER = 'rm.rivera';
const CASE_WORKER = 'cw.chen';
const PROVIDER_USER = 'provider.harbor';

const YOUTH_MENTORING = 'PH-1400.5000-500';
const AT_RISK_YOUTH = 'YK-0300';
const GIRLS = 'YJ-3000';

beforeAll(async () => {
  e2e = await startEndToEnd(
    'e2e-taxonomy',
    [serviceIndexAdded, taxonomyVersionPublished],
    [ADMIN, MANAGER, CASE_WORKER, PROVIDER_USER],
  );
  providersUrl = e2e.platform.providersUrl;
  taxonomyUrl = e2e.platform.taxonomyUrl;
});

afterAll(async () => {
  await e2e?.stop();
});

interface SearchHit {
  providerServiceId: string;
  providerName: string | null;
  matchedIndexes: string[];
}

const search = async (words: string, user = CASE_WORKER) =>
  expectStatus(
    await as<{ items: SearchHit[]; total: number }>(
      e2e,
      user,
      'GET',
      `${taxonomyUrl}/search/provider-services?q=${encodeURIComponent(words)}&language=en`,
    ),
    200,
    `search "${words}"`,
  ).items;

/** The administrator imports the hand-made sample of the AIRS/211 file and publishes it. */
async function publishedSampleTaxonomy(): Promise<string> {
  const xml = readFileSync(
    `${repoRoot}/services/taxonomy/fixtures/la-county-sample.en.xml`,
    'utf8',
  );
  const imported = expectStatus(
    await call<{ versionId: string; kind: string }>('POST', `${taxonomyUrl}/taxonomy-imports`, {
      token: e2e.tokens[ADMIN],
      raw: { contentType: 'application/xml', data: xml },
    }),
    201,
    'import the sample taxonomy',
  );
  expect(imported.kind).toBe('initial');
  expectStatus(
    await as(e2e, ADMIN, 'POST', `${taxonomyUrl}/taxonomy-versions/${imported.versionId}/publish`),
    200,
    'publish the sample taxonomy',
  );
  return imported.versionId;
}

/** Park Street Outreach Center with an approved mentoring service, through the providers API. */
async function parkStreetMentoringService(): Promise<{ providerServiceId: string }> {
  const provider = expectStatus(
    await as<{ id: string }>(e2e, MANAGER, 'POST', `${providersUrl}/providers`, {
      name: 'Park Street Outreach Center',
      addressLine1: '12 Park Street',
      city: 'Springfield',
      postalCode: '12345',
    }),
    201,
    'enrol Park Street Outreach Center',
  );
  expectStatus(
    await as(e2e, MANAGER, 'POST', `${providersUrl}/providers/${provider.id}/lifecycle`, {
      action: 'approve',
    }),
    200,
    'approve Park Street Outreach Center',
  );
  const product = expectStatus(
    await as<{ id: string }>(e2e, ADMIN, 'POST', `${providersUrl}/service-products`, {
      name: 'Mentoring Services',
      unitOfMeasure: 'session',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      approvalCriteria: [],
      delivery: { type: 'service-delivery' },
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    }),
    201,
    'create the mentoring product',
  );
  const services = `${providersUrl}/providers/${provider.id}/services`;
  const service = expectStatus(
    await as<{ id: string }>(e2e, MANAGER, 'POST', services, {
      serviceProductId: product.id,
      from: '2026-01-01',
    }),
    201,
    'add the mentoring service',
  );
  expectStatus(
    await as(e2e, MANAGER, 'POST', `${services}/${service.id}/approve`),
    200,
    'approve the mentoring service',
  );
  return { providerServiceId: service.id };
}

describe("the guide's indexing example (TAX-8, TAX-9)", () => {
  it('TAX-9: Park Street Outreach Center is found by each word of its compound index, and not by "mentoring" before it is indexed', async () => {
    await publishedSampleTaxonomy();
    const { providerServiceId } = await parkStreetMentoringService();
    const indexes = `${taxonomyUrl}/provider-services/${providerServiceId}/indexes`;

    // The taxonomy service learns of the service from the providers service's events only.
    await eventually(async () =>
      expectStatus(await as(e2e, MANAGER, 'GET', indexes), 200, 'the service known to taxonomy'),
    );
    // TAX-9: keyword search works only through indexed vocabulary — not by the product's name.
    expect(await search('mentoring')).toEqual([]);

    const index = expectStatus(
      await as<{ indexId: string; compoundName: string }>(e2e, MANAGER, 'POST', indexes, {
        termCodes: [YOUTH_MENTORING, AT_RISK_YOUTH, GIRLS],
      }),
      201,
      'index the mentoring service',
    );
    expect(index.compoundName).toBe('Youth Mentoring * At Risk Youth * Girls');

    for (const words of ['at risk', 'youth', 'girls', 'mentoring', 'Mentoring girls']) {
      const hits = await search(words);
      expect({ words, found: hits.map((hit) => hit.providerServiceId) }).toEqual({
        words,
        found: [providerServiceId],
      });
      expect(hits[0]?.providerName).toBe('Park Street Outreach Center');
      expect(hits[0]?.matchedIndexes).toEqual(['Youth Mentoring * At Risk Youth * Girls']);
    }
    // Providers search too (ROLE): the directory is theirs to use.
    expect((await search('girls', PROVIDER_USER)).map((hit) => hit.providerServiceId)).toEqual([
      providerServiceId,
    ]);
    // Words of no indexed term still find nothing.
    expect(await search('shelter')).toEqual([]);

    // TAX-8: the index change is announced, keyed by the provider service.
    await eventually(() => {
      const [added] = e2e.events(serviceIndexAdded.type, providerServiceId);
      expect(added?.data).toMatchObject({
        indexId: index.indexId,
        termCodes: [YOUTH_MENTORING, AT_RISK_YOUTH, GIRLS],
        compoundName: 'Youth Mentoring * At Risk Youth * Girls',
      });
    });
  });
});
