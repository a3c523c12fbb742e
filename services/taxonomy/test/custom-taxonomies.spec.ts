import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  publish,
  termsPath,
  youthTaxonomy,
  type TaxonomyAnswer,
  type TermAnswer,
  type VersionAnswer,
} from './support/custom-taxonomy.js';
import { importTaxonomy } from './support/import-fixtures.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import { ADMIN, CASE_WORKER, expectStatus, type Problem } from './support/users.js';

/**
 * TAX-7 over HTTP: a custom taxonomy follows the same structure and process as an imported one —
 * versions, publishing, edits — and its editing versions may be deleted; an imported taxonomy
 * gets new versions only by importing updates.
 */
let app: TaxonomyApp;

beforeAll(async () => {
  app = await startTaxonomyApp();
});

afterAll(async () => {
  await app?.close();
});

const newVersion = (taxonomyId: string, versionLabel: string) =>
  app.request<VersionAnswer & Problem>('POST', `/taxonomies/${taxonomyId}/versions`, {
    user: ADMIN,
    body: { versionLabel },
  });

const deleteVersion = (versionId: string) =>
  app.request<Problem>('DELETE', `/taxonomy-versions/${versionId}`, { user: ADMIN });

describe('custom taxonomies (TAX-7)', () => {
  it('TAX-7: an editing custom version can be deleted, a published one cannot', async () => {
    const { taxonomyId, versionId: published } = await youthTaxonomy(app, { published: true });
    const editing = expectStatus(await newVersion(taxonomyId, '2.0'), 201, 'a new version');
    const refused = await deleteVersion(published);
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-7');
    expect((await deleteVersion(editing.versionId)).status).toBe(204);
    const versions = await app.request<VersionAnswer[]>(
      'GET',
      `/taxonomies/${taxonomyId}/versions`,
      {
        user: ADMIN,
      },
    );
    expect(versions.body.map((v) => v.versionId)).toEqual([published]);
    expect((await app.request('GET', termsPath(editing.versionId), { user: ADMIN })).status).toBe(
      404,
    );
  });

  it('TAX-7: deleting the only version of a never published custom taxonomy removes it', async () => {
    const { taxonomyId, versionId } = await youthTaxonomy(app);
    expect((await deleteVersion(versionId)).status).toBe(204);
    expect((await app.request('GET', `/taxonomies/${taxonomyId}`, { user: ADMIN })).status).toBe(
      404,
    );
  });

  it('TAX-7: a new version is a complete copy of the published one', async () => {
    const { taxonomyId, versionId: published } = await youthTaxonomy(app, { published: true });
    await app.request('PUT', `${termsPath(published, 'F')}/display-state`, {
      user: ADMIN,
      body: { state: 'inactive-shown' },
    });
    await app.request('PUT', `${termsPath(published, 'Y-1')}/texts/fr`, {
      user: ADMIN,
      body: { name: 'Mentorat' },
    });
    await publish(app, published);
    const copy = expectStatus(await newVersion(taxonomyId, '2.0'), 201, 'a new version');
    expect(copy).toMatchObject({ basedOnVersionId: published, termCount: 4, status: 'editing' });
    const term = await app.request<TermAnswer>(
      'GET',
      `${termsPath(copy.versionId, 'Y-1')}?language=fr`,
      {
        user: CASE_WORKER,
      },
    );
    expect(term.body).toMatchObject({ name: 'Mentorat', level: 2, custom: true });
    const food = await app.request<TermAnswer>('GET', termsPath(copy.versionId, 'F'), {
      user: ADMIN,
    });
    expect(food.body.displayState).toBe('inactive-shown');
  });

  it('TAX-7: edits of the new version leave the published one until it is published', async () => {
    const { taxonomyId, versionId: first } = await youthTaxonomy(app, { published: true });
    const second = expectStatus(await newVersion(taxonomyId, '2.0'), 201, 'a new version');
    await app.request('PATCH', termsPath(second.versionId, 'Y'), {
      user: ADMIN,
      body: { name: 'Young People' },
    });
    const old = await app.request<TermAnswer>('GET', termsPath(first, 'Y'), { user: ADMIN });
    expect(old.body.name).toBe('Youth');
    await publish(app, second.versionId);
    const taxonomy = await app.request<TaxonomyAnswer>('GET', `/taxonomies/${taxonomyId}`, {
      user: ADMIN,
    });
    expect(taxonomy.body.publishedVersionId).toBe(second.versionId);
  });

  it('TAX-2: one version is worked on at a time, and a new one needs a published one', async () => {
    const { taxonomyId, versionId } = await youthTaxonomy(app);
    const early = await newVersion(taxonomyId, '2.0');
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe('TAX-2');
    await publish(app, versionId);
    expectStatus(await newVersion(taxonomyId, '2.0'), 201, 'a new version');
    const second = await newVersion(taxonomyId, '3.0');
    expect(second.status).toBe(409);
    expect(second.body.rule).toBe('TAX-2');
  });

  it('TAX-4: no new version while the published one has edits not yet republished', async () => {
    const { taxonomyId, versionId } = await youthTaxonomy(app, { published: true });
    expectStatus(
      await app.request('PATCH', termsPath(versionId, 'Y'), {
        user: ADMIN,
        body: { name: 'Young People' },
      }),
      200,
      'a draft on the published version',
    );
    const refused = await newVersion(taxonomyId, '2.0');
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-4');
    await publish(app, versionId);
    const second = expectStatus(await newVersion(taxonomyId, '2.0'), 201, 'a new version');
    const copied = await app.request<TermAnswer>('GET', termsPath(second.versionId, 'Y'), {
      user: ADMIN,
    });
    expect(copied.body.name).toBe('Young People');
  });

  it('TAX-7: a version label the taxonomy has is refused', async () => {
    const { taxonomyId } = await youthTaxonomy(app, { published: true });
    const again = await newVersion(taxonomyId, '1.0');
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('TAX-7');
  });
});

const SAMPLE = readFileSync(new URL('../fixtures/la-county-sample.en.xml', import.meta.url));

describe('imported taxonomies (TAX-7 against TAX-1)', () => {
  it('TAX-7: an imported version never published can be deleted, with its taxonomy', async () => {
    const imported = expectStatus(await importTaxonomy(app, SAMPLE), 201, 'importing');
    expect(imported.status).toBe('editing');
    expect((await deleteVersion(imported.versionId)).status).toBe(204);
    const gone = await app.request('GET', `/taxonomies/${imported.taxonomyId}`, { user: ADMIN });
    expect(gone.status).toBe(404);
  });

  it('TAX-7: a published AIRS taxonomy gets no hand-made versions and its versions are not deleted', async () => {
    const imported = expectStatus(await importTaxonomy(app, SAMPLE), 201, 'importing');
    await publish(app, imported.versionId);
    const version = await newVersion(imported.taxonomyId, 'by hand');
    expect(version.status).toBe(409);
    expect(version.body.rule).toBe('TAX-7');
    const deleted = await deleteVersion(imported.versionId);
    expect(deleted.status).toBe(409);
    expect(deleted.body.rule).toBe('TAX-7');
  });
});
