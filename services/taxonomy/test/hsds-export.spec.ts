import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { indexService } from './support/indexing-requests.js';
import { directoryService, type DirectoryService } from './support/provider-facts.js';
import { CODES, publishedSample, type PublishedSample } from './support/published-taxonomy.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import { CASE_WORKER, expectStatus, PROVIDER_USER, RESOURCE_MANAGER } from './support/users.js';

/**
 * Interoperability (issue 8): provider services with their taxonomy terms in Open Referral HSDS
 * 3.1 shape — organization, service, taxonomy, taxonomy_term (with ancestors), attribute (3.x)
 * and service_taxonomy (2.0) — paged, so 50,000 services can be read a page at a time.
 */
let app: TaxonomyApp;
let sample: PublishedSample;
let park: DirectoryService;
let plain: DirectoryService;

interface Export {
  hsds_version: string;
  total: number;
  organization: { id: string; name: string; description: string }[];
  service: { id: string; organization_id: string; name: string; status: string }[];
  taxonomy: { id: string; name: string; version: string }[];
  taxonomy_term: {
    id: string;
    code: string;
    name: string;
    description: string;
    parent_id: string | null;
    taxonomy: string;
    taxonomy_id: string;
    language: string;
  }[];
  attribute: {
    id: string;
    link_id: string;
    link_type: string;
    link_entity: string;
    taxonomy_term_id: string;
    label: string;
  }[];
  service_taxonomy: { id: string; service_id: string; taxonomy_term_id: string }[];
}

beforeAll(async () => {
  app = await startTaxonomyApp();
  sample = await publishedSample(app);
  park = await directoryService(app, {
    providerName: 'Park Street Outreach Center',
    productName: 'Youth mentoring',
    category: { code: 'community', name: 'Community organisation' },
  });
  plain = await directoryService(app, {
    providerName: 'Quiet House',
    productName: 'Respite',
    approved: false,
  });
  await indexService(app, park.providerServiceId, [
    CODES.youthMentoring,
    CODES.atRiskYouth,
    CODES.girls,
  ]);
});

afterAll(async () => {
  await app?.close();
});

const exportPage = async (query = '', user = CASE_WORKER) =>
  expectStatus(await app.request<Export>('GET', `/exports/hsds${query}`, { user }), 200, 'export');

describe('Open Referral HSDS 3.1 export', () => {
  it('HSDS: a provider service is exported as a service of its organization with its index terms as attributes and service_taxonomy links', async () => {
    const page = await exportPage();
    expect(page.hsds_version).toBe('3.1');
    expect(page.total).toBe(2);
    expect(page.organization).toContainEqual({
      id: park.providerId,
      name: 'Park Street Outreach Center',
      description: 'Community organisation',
    });
    expect(page.service).toContainEqual({
      id: park.providerServiceId,
      organization_id: park.providerId,
      name: 'Youth mentoring',
      description: null,
      status: 'active',
    });
    expect(page.service.find((s) => s.id === plain.providerServiceId)?.status).toBe('inactive');
    expect(page.taxonomy).toEqual([
      expect.objectContaining({
        id: sample.taxonomyId,
        name: '211 LA County Taxonomy of Human Services',
        version: '2026-07-01',
      }),
    ]);

    const termByCode = new Map(page.taxonomy_term.map((term) => [term.code, term]));
    // the index's terms and every ancestor, so the hierarchy can be shown
    expect([...termByCode.keys()].sort()).toEqual(
      [
        'P',
        'PH',
        'PH-1400',
        'PH-1400.5000',
        CODES.youthMentoring,
        'Y',
        'YJ',
        CODES.girls,
        'YK',
        CODES.atRiskYouth,
      ].sort(),
    );
    const mentoring = termByCode.get(CODES.youthMentoring);
    expect(mentoring).toMatchObject({
      name: 'Youth Mentoring',
      taxonomy: '211 LA County Taxonomy of Human Services',
      taxonomy_id: sample.taxonomyId,
      language: 'en',
      parent_id: termByCode.get('PH-1400.5000')?.id,
    });
    expect(mentoring?.description).toContain('adult volunteers');
    expect(termByCode.get('P')?.parent_id).toBeNull();

    const termIds = [CODES.youthMentoring, CODES.atRiskYouth, CODES.girls].map(
      (code) => termByCode.get(code)?.id,
    );
    expect(page.attribute.map((a) => a.taxonomy_term_id)).toEqual(termIds);
    expect(page.attribute[0]).toMatchObject({
      link_id: park.providerServiceId,
      link_type: 'service',
      link_entity: 'service',
      label: 'Youth Mentoring * At Risk Youth * Girls',
    });
    expect(page.service_taxonomy.map((l) => [l.service_id, l.taxonomy_term_id])).toEqual(
      termIds.map((id) => [park.providerServiceId, id]),
    );
    // ids are stable from one export to the next
    const again = await exportPage();
    expect(again.attribute.map((a) => a.id)).toEqual(page.attribute.map((a) => a.id));
    expect(again.taxonomy_term.map((t) => t.id)).toEqual(page.taxonomy_term.map((t) => t.id));
  });

  it('HSDS: the export is paged over services, each page carrying only what its services refer to', async () => {
    const [first, second] = [
      await exportPage('?limit=1&offset=0'),
      await exportPage('?limit=1&offset=1'),
    ];
    expect([first.total, second.total]).toEqual([2, 2]);
    const ids = [...first.service, ...second.service].map((s) => s.id).sort();
    expect(ids).toEqual([park.providerServiceId, plain.providerServiceId].sort());
    const plainPage = first.service[0]?.id === plain.providerServiceId ? first : second;
    expect(plainPage.attribute).toEqual([]);
    expect(plainPage.taxonomy_term).toEqual([]);
  });

  it('ROLE-2: staff export every provider; a provider user may not', async () => {
    expect((await app.request('GET', '/exports/hsds', { user: PROVIDER_USER })).status).toBe(403);
    expect((await app.request('GET', '/exports/hsds', { user: RESOURCE_MANAGER })).status).toBe(
      200,
    );
  });
});
