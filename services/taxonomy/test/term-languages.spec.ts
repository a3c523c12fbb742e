import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publish, termRequests, termsPath, youthTaxonomy } from './support/custom-taxonomy.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import { ADMIN, fields, type Problem } from './support/users.js';

/**
 * TAX-6 over HTTP: field-level localisation — a term's text added or replaced in one language —
 * and terms read in a language, with fallback to the taxonomy's default language.
 */
let app: TaxonomyApp;

beforeAll(async () => {
  app = await startTaxonomyApp();
});

afterAll(async () => {
  await app?.close();
});

const { term, terms, change } = termRequests(() => app);

describe('languages (TAX-6)', () => {
  it('TAX-6: a term read in French falls back to English when it has no French text', async () => {
    const { versionId } = await youthTaxonomy(app);
    expect(await term(versionId, 'Y', '?language=fr')).toMatchObject({
      language: 'en',
      name: 'Youth',
    });
    const [listed] = (await terms(versionId, '?language=fr&parentCode=Y')).items;
    expect(listed).toMatchObject({ language: 'en', name: 'Mentoring' });
  });

  it('TAX-6: a translation added to a field shows in that language, English stays', async () => {
    const { versionId } = await youthTaxonomy(app);
    const put = await change('PUT', `${termsPath(versionId, 'Y-1')}/texts/fr-CA`, {
      name: 'Mentorat',
      useReferences: ['Parrainage'],
    });
    expect(put.status).toBe(200);
    expect(await term(versionId, 'Y-1', '?language=fr-CA')).toMatchObject({
      language: 'fr-CA',
      name: 'Mentorat',
      useReferences: ['Parrainage'],
    });
    // Same language, another region: the Canadian French text rather than the default English.
    expect(await term(versionId, 'Y-1', '?language=fr')).toMatchObject({ language: 'fr-CA' });
    const detail = await term(versionId, 'Y-1');
    expect(detail.name).toBe('Mentoring');
    expect(detail.texts?.map((t) => t.language)).toEqual(['en', 'fr-CA']);
    expect((await terms(versionId, '?language=fr-CA&q=mentorat')).total).toBe(1);
  });

  it('TAX-6: a translation of a published term waits for the republish like other edits', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    await change('PUT', `${termsPath(versionId, 'Y')}/texts/es`, { name: 'Juventud' });
    expect(await term(versionId, 'Y', '?language=es')).toMatchObject({ language: 'en' });
    await publish(app, versionId);
    expect(await term(versionId, 'Y', '?language=es')).toMatchObject({
      language: 'es',
      name: 'Juventud',
    });
  });

  it('TAX-6: a language that is not a BCP 47 tag is refused', async () => {
    const { versionId } = await youthTaxonomy(app);
    const put = await change('PUT', `${termsPath(versionId, 'Y')}/texts/french`, {
      name: 'Jeunesse',
    });
    expect(put.status).toBe(400);
    expect(fields(put.body)).toEqual(['language']);
    const read = await app.request<Problem>('GET', `${termsPath(versionId)}?language=fr_FR`, {
      user: ADMIN,
    });
    expect(read.status).toBe(400);
    expect(fields(read.body)).toEqual(['language']);
  });
});
