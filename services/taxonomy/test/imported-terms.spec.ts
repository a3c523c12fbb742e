import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { publish, termsPath, type TermAnswer, type TermPage } from './support/custom-taxonomy.js';
import { importTaxonomy } from './support/import-fixtures.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import { ADMIN, CASE_WORKER, expectStatus } from './support/users.js';

/**
 * TAX-4/TAX-6 on imported AIRS content (fixtures/la-county-sample.*.xml, TAX-1): the published
 * sample customised by hand, and read in French once its French edition is imported.
 */
let app: TaxonomyApp;
let versionId: string;

const sample = (language: 'en' | 'fr') =>
  readFileSync(new URL(`../fixtures/la-county-sample.${language}.xml`, import.meta.url));

beforeAll(async () => {
  app = await startTaxonomyApp();
  const imported = expectStatus(await importTaxonomy(app, sample('en')), 201, 'importing');
  versionId = imported.versionId;
  await publish(app, versionId);
});

afterAll(async () => {
  await app?.close();
});

async function term(code: string, query = ''): Promise<TermAnswer> {
  return expectStatus(
    await app.request<TermAnswer>('GET', `${termsPath(versionId, code)}${query}`, {
      user: CASE_WORKER,
    }),
    200,
    `reading ${code}`,
  );
}

describe('imported terms', () => {
  it('TAX-1: a term shows its see-also references with names and its related concepts', async () => {
    const pantries = await term('BD-1800.2000');
    expect(pantries).toMatchObject({
      name: 'Food Pantries',
      custom: false,
      useReferences: ['Food Shelves', 'Food Cupboards'],
      seeAlso: [
        { code: 'BD-1800.1900', name: 'Food Vouchers' },
        { code: 'BD-1800.2250', name: expect.any(String) },
      ],
      relatedConcepts: [{ code: 'YJ-8750', name: 'Women' }],
    });
  });

  it('TAX-4: a custom term added under an AIRS term joins the published version when republished', async () => {
    const added = await app.request<TermAnswer>('POST', termsPath(versionId), {
      user: ADMIN,
      body: { code: 'BD-1800.2000-900', parentCode: 'BD-1800.2000', name: 'Harbor Pantry Network' },
    });
    expect(added.status).toBe(201);
    const before = await app.request<TermPage>(
      'GET',
      `${termsPath(versionId)}?parentCode=BD-1800.2000&q=harbor`,
      { user: CASE_WORKER },
    );
    expect(before.body.total).toBe(0);
    await publish(app, versionId);
    expect(await term('BD-1800.2000-900')).toMatchObject({ level: 5, custom: true, draft: null });
  });

  it('TAX-6: after the French edition is imported, terms read in French; English stays the default', async () => {
    expectStatus(await importTaxonomy(app, sample('fr')), 201, 'importing the French edition');
    expect(await term('BD-1800.2000', '?language=fr')).toMatchObject({
      language: 'fr',
      name: 'Banques alimentaires',
    });
    expect(await term('BD-1800.2000')).toMatchObject({ language: 'en', name: 'Food Pantries' });
    // The custom term has no French text: it falls back to English.
    expect(await term('BD-1800.2000-900', '?language=fr')).toMatchObject({
      language: 'en',
      name: 'Harbor Pantry Network',
    });
  });
});
