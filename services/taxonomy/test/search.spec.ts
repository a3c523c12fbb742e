import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  providerApproved,
  providerClosed,
  providerReopened,
  providerServiceApproved,
  providerServiceSuspended,
  providerSuspended,
} from '@platform/contracts';
import { importTaxonomy } from './support/import-fixtures.js';
import { indexService } from './support/indexing-requests.js';
import { directoryService, fact } from './support/provider-facts.js';
import { CODES, publish, publishedSample, SAMPLE_XML } from './support/published-taxonomy.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import { CASE_WORKER, expectStatus, fields, PROVIDER_USER, type Problem } from './support/users.js';

/**
 * TAX-9: keyword search finds provider services ONLY through the vocabulary of their indexes
 * (term names, use references, definitions), ranked, filtered by term (with its descendants),
 * provider category and location; the guide's example end to end over HTTP.
 */
let app: TaxonomyApp;

interface Hit {
  providerServiceId: string;
  providerName: string;
  productName: string;
  category: { code: string; name: string } | null;
  locations: string[];
  matchedIndexes: string[];
  rank: number;
}
interface Page {
  items: Hit[];
  total: number;
}

beforeAll(async () => {
  app = await startTaxonomyApp();
  await publishedSample(app);
});

afterAll(async () => {
  await app?.close();
});

async function search(params: Record<string, string>, user = CASE_WORKER): Promise<Page> {
  const query = new URLSearchParams({ limit: '200', ...params });
  const reply = await app.request<Page>('GET', `/search/provider-services?${query}`, { user });
  return expectStatus(reply, 200, `search ${query}`);
}

const found = async (params: Record<string, string>) =>
  (await search(params)).items.map((hit) => hit.providerServiceId);

describe('the guide example (TAX-8, TAX-9)', () => {
  it('TAX-9: Park Street Outreach Center indexed "Youth Mentoring * At Risk Youth * Girls" is found by at risk, youth, girls and mentoring', async () => {
    const park = await directoryService(app, {
      providerName: 'Park Street Outreach Center',
      productName: 'Park Street mentoring programme',
      category: { code: 'community', name: 'Community organisation' },
      centre: {
        addressLine1: '12 Park Street',
        city: 'Los Angeles',
        region: 'CA',
        postalCode: '90012',
      },
    });
    expect(await found({ q: 'mentoring' })).not.toContain(park.providerServiceId);

    await indexService(app, park.providerServiceId, [
      CODES.youthMentoring,
      CODES.atRiskYouth,
      CODES.girls,
    ]);
    for (const q of ['at risk', 'youth', 'girls', 'mentoring', 'Youth Mentoring', 'at']) {
      expect({ q, found: await found({ q }) }).toEqual({
        q,
        found: expect.arrayContaining([park.providerServiceId]),
      });
    }
    const [hit] = (await search({ q: 'girls', location: 'park street' })).items;
    expect(hit).toMatchObject({
      providerServiceId: park.providerServiceId,
      providerName: 'Park Street Outreach Center',
      productName: 'Park Street mentoring programme',
      category: { code: 'community', name: 'Community organisation' },
      locations: ['12 Park Street, Los Angeles, CA 90012'],
      matchedIndexes: ['Youth Mentoring * At Risk Youth * Girls'],
    });
    expect(hit?.rank).toBeGreaterThan(0);
  });

  it('TAX-9: a service that is not indexed is not found by its own name', async () => {
    const plain = await directoryService(app, {
      providerName: 'Zebrafish Aquatics',
      productName: 'Zebrafish swimming lessons',
    });
    expect(await found({ q: 'zebrafish' })).toEqual([]);
    expect(await found({ q: 'swimming lessons' })).not.toContain(plain.providerServiceId);
  });
});

describe('ranking and filters (TAX-9)', () => {
  let women: string;
  let girls: string;
  let pantry: string;

  beforeAll(async () => {
    women = (
      await directoryService(app, {
        providerName: 'Harbor Women Centre',
        productName: 'Drop-in',
        category: { code: 'shelter', name: 'Shelter' },
        centre: {
          addressLine1: '1 Harbor Way',
          city: 'Long Beach',
          region: 'CA',
          postalCode: '90802',
        },
      })
    ).providerServiceId;
    girls = (
      await directoryService(app, {
        providerName: 'Girls Club',
        productName: 'After school',
        category: { code: 'community', name: 'Community organisation' },
        centre: { addressLine1: '5 Elm Road', city: 'Pasadena', region: 'CA', postalCode: '91101' },
      })
    ).providerServiceId;
    pantry = (
      await directoryService(app, {
        providerName: 'Eastside Pantry',
        productName: 'Groceries',
        category: { code: 'shelter', name: 'Shelter' },
        centre: {
          addressLine1: '9 Main Street',
          city: 'Los Angeles',
          region: 'CA',
          postalCode: '90033',
        },
      })
    ).providerServiceId;
    await indexService(app, women, [CODES.women]);
    await indexService(app, girls, [CODES.girls]);
    await indexService(app, pantry, [CODES.foodPantries, CODES.women]);
  });

  it('TAX-9: a term named by the words ranks above one that only has them as a use reference', async () => {
    const hits = (await search({ q: 'women' })).items;
    const rankOf = (id: string) => hits.find((hit) => hit.providerServiceId === id)?.rank ?? -1;
    expect(rankOf(girls)).toBeGreaterThan(0);
    expect(rankOf(women)).toBeGreaterThan(rankOf(girls));
  });

  it('TAX-9: a term filter finds services indexed with the term or one of its descendants', async () => {
    expect(await found({ termCode: 'BD' })).toEqual([pantry]);
    expect(await found({ termCode: 'Y', q: 'women' })).toEqual(
      expect.arrayContaining([women, girls, pantry]),
    );
    const girlsOnly = await found({ termCode: CODES.girls, q: 'women' });
    expect(girlsOnly).toContain(girls);
    expect(girlsOnly).not.toContain(women);
    expect(girlsOnly).not.toContain(pantry);
  });

  it('TAX-9: category and location filters narrow the results', async () => {
    expect((await found({ q: 'women', category: 'shelter' })).sort()).toEqual(
      [women, pantry].sort(),
    );
    expect(await found({ q: 'women', location: 'LONG beach' })).toEqual([women]);
    expect(await found({ q: 'women', location: '90033' })).toEqual([pantry]);
    expect(await found({ q: 'women', location: '100%' })).toEqual([]);
  });

  it('TAX-9 / PRV-1: services of a suspended provider are not offered', async () => {
    const closing = await directoryService(app, {
      providerName: 'Closing House',
      productName: 'Beds',
    });
    await indexService(app, closing.providerServiceId, [CODES.foodPantries]);
    expect(await found({ termCode: 'BD' })).toContain(closing.providerServiceId);
    await app.publish(
      providerSuspended,
      fact(closing.providerId, {
        providerId: closing.providerId,
        previousStatus: 'approved',
        reason: 'Licence lapsed',
      }),
    );
    await app.settled();
    expect(await found({ termCode: 'BD' })).not.toContain(closing.providerServiceId);
  });

  it('TAX-9 / PRV-1 / PRV-6: words find a service only while it and its provider are approved, following their events', async () => {
    const tidal = await directoryService(app, {
      providerName: 'Tidal Pantry',
      productName: 'Food',
    });
    const { providerId, providerServiceId: id } = tidal;
    const ids = { providerId, providerServiceId: id, serviceProductId: tidal.productId };
    await indexService(app, id, [CODES.foodPantries]);
    const offered = async () => (await found({ q: 'pantries' })).includes(id);
    const offeredAfter = async (published: Promise<unknown>) => {
      await published;
      await app.settled();
      return offered();
    };
    const lapsed = { providerId, reason: 'Licence lapsed' };
    expect(await offered()).toBe(true);
    expect(
      await offeredAfter(
        app.publish(providerSuspended, fact(providerId, { ...lapsed, previousStatus: 'approved' })),
      ),
    ).toBe(false);
    expect(
      await offeredAfter(
        app.publish(providerApproved, fact(providerId, { ...lapsed, previousStatus: 'suspended' })),
      ),
    ).toBe(true);
    expect(
      await offeredAfter(
        app.publish(providerServiceSuspended, fact(providerId, { ...ids, reason: 'Staffing' })),
      ),
    ).toBe(false);
    const approval = {
      ...ids,
      approvalId: randomUUID(),
      approvedOn: '2026-02-01',
      checkedOn: '2026-02-01',
      previousStatus: 'suspended' as const,
      warnings: [],
    };
    expect(
      await offeredAfter(app.publish(providerServiceApproved, fact(providerId, approval))),
    ).toBe(true);
    // PRV-1: closed, then reopened — which needs approval again before the directory offers it.
    const retired = { providerId, reason: 'Retired' };
    expect(
      await offeredAfter(
        app.publish(providerClosed, fact(providerId, { ...retired, previousStatus: 'approved' })),
      ),
    ).toBe(false);
    expect(
      await offeredAfter(
        app.publish(
          providerReopened,
          fact(providerId, { providerId, reason: null, previousStatus: 'closed' }),
        ),
      ),
    ).toBe(false);
    expect(
      await offeredAfter(
        app.publish(
          providerApproved,
          fact(providerId, { providerId, reason: null, previousStatus: 'reopened' }),
        ),
      ),
    ).toBe(true);
  });

  it('TAX-9 / PRV-6: a provider service not yet approved is not offered', async () => {
    const pending = await directoryService(app, {
      providerName: 'Pending Pantry',
      productName: 'Groceries',
      approved: false,
    });
    await indexService(app, pending.providerServiceId, [CODES.foodPantries]);
    expect(await found({ q: 'pantries' })).not.toContain(pending.providerServiceId);
  });

  it('TAX-6: a language without texts falls back to the taxonomy default language', async () => {
    expect(await found({ q: 'girls', language: 'de' })).toContain(girls);
  });

  it('TAX-9: words or a term are required, and the term must be published', async () => {
    const none = await app.request<Problem>('GET', '/search/provider-services', {
      user: CASE_WORKER,
    });
    expect(none.status).toBe(400);
    expect(fields(none.body)).toContain('q');
    const unknown = await app.request<Problem>('GET', '/search/provider-services?termCode=ZZ-1', {
      user: CASE_WORKER,
    });
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body)).toEqual(['termCode']);
  });

  it('ROLE: providers search too', async () => {
    expect(
      (await search({ q: 'girls' }, PROVIDER_USER)).items.map((h) => h.providerServiceId),
    ).toContain(girls);
  });
});

describe('languages (TAX-6)', () => {
  it('TAX-6: after the French edition is imported, a French search finds services by French words and names their indexes in French', async () => {
    const park = await directoryService(app, {
      providerName: 'Centre Rue du Parc',
      productName: 'Mentoring',
    });
    await indexService(app, park.providerServiceId, [
      CODES.youthMentoring,
      CODES.atRiskYouth,
      CODES.girls,
    ]);
    expect(await found({ q: 'filles', language: 'fr' })).not.toContain(park.providerServiceId);
    const french = readFileSync(
      new URL('../fixtures/la-county-sample.fr.xml', import.meta.url),
      'utf8',
    );
    const translation = expectStatus(await importTaxonomy(app, french), 201, 'French import');
    expect(translation.kind).toBe('translation');
    const hits = (await search({ q: 'filles', language: 'fr' })).items;
    expect(
      hits.find((hit) => hit.providerServiceId === park.providerServiceId)?.matchedIndexes,
    ).toEqual(['Mentorat pour les jeunes * Jeunes à risque * Filles']);
    expect(await found({ q: 'mentorat', language: 'fr' })).toContain(park.providerServiceId);
    expect(await found({ q: 'girls', language: 'en' })).toContain(park.providerServiceId);
  });
});

describe('search documents follow the published version (TAX-2, TAX-9)', () => {
  it('TAX-9: publishing a version with a renamed term makes its indexes found by the new name', async () => {
    const service = await directoryService(app, {
      providerName: 'Rename House',
      productName: 'Help',
    });
    await indexService(app, service.providerServiceId, ['BH-1800.8500']);
    expect(await found({ q: 'quokka' })).toEqual([]);
    const release = SAMPLE_XML.replace(
      'releaseDate="2026-07-01"',
      'releaseDate="2026-08-01"',
    ).replace('<name>Homeless Shelter</name>', '<name>Quokka Shelters</name>');
    const update = expectStatus(await importTaxonomy(app, release), 201, 'update import');
    expect(update.kind).toBe('update');
    if (update.status !== 'published') await publish(app, update.versionId);
    const hits = (await search({ q: 'quokka' })).items;
    expect(hits.map((hit) => [hit.providerServiceId, hit.matchedIndexes])).toEqual([
      [service.providerServiceId, ['Quokka Shelters']],
    ]);
  });
});
