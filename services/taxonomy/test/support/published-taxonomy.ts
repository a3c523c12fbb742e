import { readFileSync } from 'node:fs';
import { importTaxonomy } from './import-fixtures.js';
import type { TaxonomyApp } from './taxonomy-app.js';
import { ADMIN, expectStatus } from './users.js';

/** The sample's codes the indexing, search and export suites use (fixtures/la-county-sample.en.xml). */
export const CODES = {
  youthMentoring: 'PH-1400.5000-500',
  mentoring: 'PH-1400.5000',
  atRiskYouth: 'YK-0300',
  girls: 'YJ-3000',
  women: 'YJ-8750',
  foodPantries: 'BD-1800.2000',
  food: 'BD',
} as const;

export interface PublishedSample {
  taxonomyId: string;
  versionId: string;
}

/** The hand-made LA County sample (TAX-1), in English. */
export const SAMPLE_XML = readFileSync(
  new URL('../../fixtures/la-county-sample.en.xml', import.meta.url),
  'utf8',
);

/** POST /taxonomy-versions/{id}/publish as the administrator (TAX-2), failing the test if refused. */
export async function publish(app: TaxonomyApp, versionId: string): Promise<void> {
  expectStatus(
    await app.request('POST', `/taxonomy-versions/${versionId}/publish`, { user: ADMIN }),
    200,
    'publishing',
  );
}

/**
 * The sample as its taxonomy's published version, the way an administrator gets there over HTTP:
 * import the file (TAX-1), then publish the version if the import left it editing (TAX-2).
 */
export async function publishedSample(
  app: TaxonomyApp,
  xml = SAMPLE_XML,
): Promise<PublishedSample> {
  const imported = expectStatus(await importTaxonomy(app, xml), 201, 'importing the sample');
  if (imported.status !== 'published') await publish(app, imported.versionId);
  return { taxonomyId: imported.taxonomyId, versionId: imported.versionId };
}
