import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  customTaxonomy,
  publish,
  youthTaxonomy,
  type TaxonomyAnswer,
  type VersionAnswer,
} from './support/custom-taxonomy.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import {
  ADMIN,
  CASE_WORKER,
  expectStatus,
  fields,
  PROVIDER_USER,
  RESOURCE_MANAGER,
  type Problem,
} from './support/users.js';

/**
 * TAX-2/TAX-7 over HTTP: taxonomies and their versions — created, listed, read, published by hand
 * (superseding the version published before), and ROLE: only administrators change them.
 */
let app: TaxonomyApp;

beforeAll(async () => {
  app = await startTaxonomyApp();
});

afterAll(async () => {
  await app?.close();
});

async function version(versionId: string): Promise<VersionAnswer> {
  return expectStatus(
    await app.request<VersionAnswer>('GET', `/taxonomy-versions/${versionId}`, { user: ADMIN }),
    200,
    'reading the version',
  );
}

describe('taxonomies', () => {
  it('TAX-7: a custom taxonomy starts with one editing version in its language and country', async () => {
    const { taxonomyId, versionId } = await customTaxonomy(app, {
      language: 'FR-ca',
      country: 'ca',
      versionLabel: '2026.1',
    });
    const taxonomy = expectStatus(
      await app.request<TaxonomyAnswer>('GET', `/taxonomies/${taxonomyId}`, { user: CASE_WORKER }),
      200,
      'reading the taxonomy',
    );
    expect(taxonomy).toMatchObject({
      kind: 'custom',
      defaultLanguage: 'fr-CA',
      country: 'CA',
      publishedVersionId: null,
    });
    expect(taxonomy.versions).toEqual([
      expect.objectContaining({ versionId, versionLabel: '2026.1', status: 'editing' }),
    ]);
    expect(await version(versionId)).toMatchObject({
      status: 'editing',
      termCount: 0,
      pendingDrafts: 0,
    });
  });

  it('TAX-7: a second taxonomy with the same name in the same country is refused', async () => {
    await customTaxonomy(app, { name: 'Harbor Services', country: 'US' });
    const again = await app.request<Problem>('POST', '/taxonomies', {
      user: ADMIN,
      body: { name: 'Harbor Services', language: 'en', country: 'US', versionLabel: '1' },
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('TAX-7');
    expect(fields(again.body)).toEqual(['name']);
  });

  it('TAX-6: a custom taxonomy needs a BCP 47 language and a country code', async () => {
    const bad = await app.request<Problem>('POST', '/taxonomies', {
      user: ADMIN,
      body: { name: 'Bad', language: 'English', country: 'USA', versionLabel: '1' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(['country', 'language']);
  });

  it('TAX-7: taxonomies are listed by kind and name', async () => {
    const { taxonomyId } = await customTaxonomy(app, { name: 'Zebra Crossing Services' });
    const page = expectStatus(
      await app.request<{ items: TaxonomyAnswer[]; total: number }>(
        'GET',
        '/taxonomies?kind=custom&name=zebra%20crossing',
        { user: PROVIDER_USER },
      ),
      200,
      'listing taxonomies',
    );
    expect(page.total).toBe(1);
    expect(page.items.map((t) => t.taxonomyId)).toEqual([taxonomyId]);
    const airs = await app.request<{ total: number }>('GET', '/taxonomies?kind=airs&name=zebra', {
      user: ADMIN,
    });
    expect(airs.body.total).toBe(0);
  });

  it('TAX-2: publishing a version makes it the published one of its taxonomy', async () => {
    const { taxonomyId, versionId } = await youthTaxonomy(app);
    const published = await publish(app, versionId);
    expect(published).toMatchObject({
      status: 'published',
      termCount: 4,
      supersededVersionId: null,
    });
    const taxonomy = await app.request<TaxonomyAnswer>('GET', `/taxonomies/${taxonomyId}`, {
      user: RESOURCE_MANAGER,
    });
    expect(taxonomy.body.publishedVersionId).toBe(versionId);
    const events = await app.query<{ termCount: number }>(
      `select (envelope -> 'data' ->> 'termCount')::int as "termCount" from outbox_message
        where event_type = 'taxonomy-version.published' and envelope -> 'data' ->> 'versionId' = $1`,
      [versionId],
    );
    expect(events).toEqual([{ termCount: 4 }]);
  });

  it('TAX-2: publishing a second version supersedes the first', async () => {
    const { taxonomyId, versionId: first } = await youthTaxonomy(app, { published: true });
    const second = expectStatus(
      await app.request<VersionAnswer>('POST', `/taxonomies/${taxonomyId}/versions`, {
        user: ADMIN,
        body: { versionLabel: '2.0' },
      }),
      201,
      'a new version',
    );
    expect(second).toMatchObject({ status: 'editing', basedOnVersionId: first, termCount: 4 });
    const published = await publish(app, second.versionId);
    expect(published.supersededVersionId).toBe(first);
    expect(await version(first)).toMatchObject({ status: 'superseded' });
    const versions = await app.request<VersionAnswer[]>(
      'GET',
      `/taxonomies/${taxonomyId}/versions`,
      {
        user: CASE_WORKER,
      },
    );
    expect(versions.body.map((v) => [v.versionLabel, v.status])).toEqual([
      ['2.0', 'published'],
      ['1.0', 'superseded'],
    ]);
  });

  it('TAX-2: a superseded version cannot be published again', async () => {
    const { taxonomyId, versionId: first } = await youthTaxonomy(app, { published: true });
    const second = await app.request<VersionAnswer>('POST', `/taxonomies/${taxonomyId}/versions`, {
      user: ADMIN,
      body: { versionLabel: '2.0' },
    });
    await publish(app, second.body.versionId);
    const again = await app.request<Problem>('POST', `/taxonomy-versions/${first}/publish`, {
      user: ADMIN,
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('TAX-2');
  });

  it('TAX-5: a version pending user review is published by its review, not by hand', async () => {
    const { versionId } = await youthTaxonomy(app);
    // As an update import with terms to review leaves it (H1/H2's workflow).
    await app.query(
      `update taxonomy_version set status = 'pending-user-review' where version_id = $1`,
      [versionId],
    );
    const refused = await app.request<Problem>('POST', `/taxonomy-versions/${versionId}/publish`, {
      user: ADMIN,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-5');
    expect((await version(versionId)).status).toBe('pending-user-review');
  });

  it('TAX-2: a version that does not exist is 404', async () => {
    const missing = await app.request(
      'GET',
      '/taxonomy-versions/0199a3c2-9a10-7cc0-8d5e-00000000dead',
      {
        user: ADMIN,
      },
    );
    expect(missing.status).toBe(404);
  });

  it('ROLE: only administrators create, version, publish and delete taxonomies; others read', async () => {
    const { taxonomyId, versionId } = await youthTaxonomy(app);
    for (const user of [RESOURCE_MANAGER, CASE_WORKER, PROVIDER_USER]) {
      const changes = [
        await app.request('POST', '/taxonomies', {
          user,
          body: { name: `By ${user}`, language: 'en', country: 'US', versionLabel: '1' },
        }),
        await app.request('POST', `/taxonomy-versions/${versionId}/publish`, { user }),
        await app.request('POST', `/taxonomies/${taxonomyId}/versions`, {
          user,
          body: { versionLabel: '9' },
        }),
        await app.request('DELETE', `/taxonomy-versions/${versionId}`, { user }),
      ];
      expect(changes.map((reply) => reply.status)).toEqual([403, 403, 403, 403]);
      const reads = [
        await app.request('GET', '/taxonomies', { user }),
        await app.request('GET', `/taxonomies/${taxonomyId}`, { user }),
        await app.request('GET', `/taxonomies/${taxonomyId}/versions`, { user }),
        await app.request('GET', `/taxonomy-versions/${versionId}`, { user }),
      ];
      expect(reads.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    }
    expect((await version(versionId)).status).toBe('editing');
  });
});
