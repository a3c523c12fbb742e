import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openTaxonomyDatabase } from '../src/database.js';
import { moveIndexesToReplacement, removeIndexesUsing } from '../src/indexing/index-maintenance.js';
import {
  displayState,
  indexService,
  postIndex,
  recordedEvents,
} from './support/indexing-requests.js';
import { directoryService, PROVIDERS_ACTOR } from './support/provider-facts.js';
import {
  CODES,
  publishedSample,
  SAMPLE_XML,
  type PublishedSample,
} from './support/published-taxonomy.js';
import { importTaxonomy } from './support/import-fixtures.js';
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
 * TAX-8: provider services known from the providers service's events are linked to terms of the
 * published version — one term or a compound — and unlinked; TAX-3: the system keeps indexed
 * terms `used` and makes them `active` again when their last index goes.
 */
let app: TaxonomyApp;
let sample: PublishedSample;

beforeAll(async () => {
  app = await startTaxonomyApp();
  sample = await publishedSample(app);
});

afterAll(async () => {
  await app?.close();
});

const service = (productName = 'Mentoring programme') =>
  directoryService(app, { providerName: 'Park Street Outreach Center', productName });

describe('indexing (TAX-8)', () => {
  it('TAX-8: a compound index is named by its terms joined with * and announced by service-index.added', async () => {
    const { providerServiceId, providerId } = await service();
    const codes = [CODES.youthMentoring, CODES.atRiskYouth, CODES.girls];
    const index = await indexService(app, providerServiceId, codes);
    expect(index).toMatchObject({
      providerServiceId,
      taxonomyId: sample.taxonomyId,
      termCodes: codes,
      compoundName: 'Youth Mentoring * At Risk Youth * Girls',
    });
    const listed = expectStatus(
      await app.request<{ items: { indexId: string; compoundName: string }[] }>(
        'GET',
        `/provider-services/${providerServiceId}/indexes`,
        { user: CASE_WORKER },
      ),
      200,
      'listing',
    );
    expect(listed.items.map((i) => [i.indexId, i.compoundName])).toEqual([
      [index.indexId, 'Youth Mentoring * At Risk Youth * Girls'],
    ]);
    const added = await recordedEvents(app, 'service-index.added');
    expect(added).toContainEqual({
      indexId: index.indexId,
      providerServiceId,
      providerId,
      taxonomyId: sample.taxonomyId,
      termCodes: codes,
      compoundName: 'Youth Mentoring * At Risk Youth * Girls',
    });
  });

  it('TAX-3: indexing a term makes it used, removing its last index makes it active again', async () => {
    const first = await service();
    const second = await service();
    expect(await displayState(app, sample.versionId, CODES.women)).toBe('active');
    const compound = await indexService(app, first.providerServiceId, [
      CODES.women,
      CODES.foodPantries,
    ]);
    const single = await indexService(app, second.providerServiceId, [CODES.women]);
    expect(await displayState(app, sample.versionId, CODES.women)).toBe('used');
    expect(await displayState(app, sample.versionId, CODES.foodPantries)).toBe('used');

    const removed = await app.request(
      'DELETE',
      `/provider-services/${first.providerServiceId}/indexes/${compound.indexId}`,
      { user: ADMIN },
    );
    expect(removed.status).toBe(204);
    expect(await displayState(app, sample.versionId, CODES.foodPantries)).toBe('active');
    expect(await displayState(app, sample.versionId, CODES.women)).toBe('used');

    await app.request(
      'DELETE',
      `/provider-services/${second.providerServiceId}/indexes/${single.indexId}`,
      { user: ADMIN },
    );
    expect(await displayState(app, sample.versionId, CODES.women)).toBe('active');
    const events = await recordedEvents<{ indexId: string; reason: string | null }>(
      app,
      'service-index.removed',
    );
    expect(events.filter((e) => [compound.indexId, single.indexId].includes(e.indexId))).toEqual([
      expect.objectContaining({
        indexId: compound.indexId,
        reason: null,
        compoundName: 'Women * Food Pantries',
      }),
      expect.objectContaining({ indexId: single.indexId, reason: null }),
    ]);
  });

  it('TAX-8: an unknown term code is refused naming TAX-8 and termCodes[1], and nothing is stored', async () => {
    const { providerServiceId } = await service();
    const reply = await postIndex(app, providerServiceId, {
      termCodes: [CODES.youthMentoring, 'ZZ-9999'],
    });
    expect(reply.status).toBe(422);
    expect((reply.body as Problem).rule).toBe('TAX-8');
    expect(fields(reply.body as Problem)).toEqual(['termCodes[1]']);
    const stored = await app.query('select 1 from service_index where provider_service_id = $1', [
      providerServiceId,
    ]);
    expect(stored).toEqual([]);
  });

  it('TAX-3: an inactive term cannot be indexed', async () => {
    const { providerServiceId } = await service();
    expectStatus(
      await app.request(
        'PUT',
        `/taxonomy-versions/${sample.versionId}/terms/YJ-8550/display-state`,
        {
          user: ADMIN,
          body: { state: 'inactive-shown' },
        },
      ),
      200,
      'hiding a term',
    );
    const reply = await postIndex(app, providerServiceId, { termCodes: ['YJ-8550'] });
    expect(reply.status).toBe(422);
    expect((reply.body as Problem).rule).toBe('TAX-3');
    expect(fields(reply.body as Problem)).toEqual(['termCodes[0]']);
    expect(await displayState(app, sample.versionId, 'YJ-8550')).toBe('inactive-shown');
  });

  it('TAX-8: a provider service the providers service never announced cannot be indexed', async () => {
    const reply = await postIndex(app, '0199a3c2-9a10-7cc0-8d5e-00000000dead', {
      termCodes: [CODES.girls],
    });
    expect(reply.status).toBe(422);
    expect((reply.body as Problem).rule).toBe('TAX-8');
    expect(fields(reply.body as Problem)).toEqual(['providerServiceId']);
    const indexes = await app.request(
      'GET',
      '/provider-services/0199a3c2-9a10-7cc0-8d5e-00000000dead/indexes',
      { user: RESOURCE_MANAGER },
    );
    expect(indexes.status).toBe(404);
  });

  it('TAX-8: the same index twice is refused with 409; the same terms in another order are another index', async () => {
    const { providerServiceId } = await service();
    await indexService(app, providerServiceId, [CODES.atRiskYouth, CODES.girls]);
    const again = await postIndex(app, providerServiceId, {
      termCodes: [CODES.atRiskYouth, CODES.girls],
    });
    expect(again.status).toBe(409);
    const reordered = await indexService(app, providerServiceId, [CODES.girls, CODES.atRiskYouth]);
    expect(reordered.compoundName).toBe('Girls * At Risk Youth');
  });

  it('TAX-8: an index of another provider service is not found (404) and stays', async () => {
    const owner = await service();
    const other = await service();
    const index = await indexService(app, owner.providerServiceId, [CODES.girls]);
    const reply = await app.request(
      'DELETE',
      `/provider-services/${other.providerServiceId}/indexes/${index.indexId}`,
      { user: ADMIN },
    );
    expect(reply.status).toBe(404);
    expect(
      await app.query('select 1 from service_index where index_id = $1', [index.indexId]),
    ).toHaveLength(1);
  });

  it('ROLE: resource managers and administrators index; case workers and providers may not', async () => {
    const { providerServiceId } = await service();
    for (const user of [CASE_WORKER, PROVIDER_USER]) {
      const reply = await postIndex(app, providerServiceId, { termCodes: [CODES.girls] }, user);
      expect(reply.status).toBe(403);
    }
    const byAdmin = await postIndex(app, providerServiceId, { termCodes: [CODES.girls] }, ADMIN);
    expect(byAdmin.status).toBe(201);
  });
});

describe('display states across versions (TAX-3, TAX-5)', () => {
  it('TAX-3: a term indexed while a newer version awaits review is used in that version too', async () => {
    const release = SAMPLE_XML.replace(
      'releaseDate="2026-07-01"',
      'releaseDate="2026-09-01"',
    ).replace(/<term code="PH-6200"[\s\S]*?<\/term>/, '');
    const pending = expectStatus(await importTaxonomy(app, release), 201, 'update import');
    expect(pending.status).toBe('pending-user-review');
    const { providerServiceId } = await service();
    await indexService(app, providerServiceId, ['BD-5000']);
    expect(await displayState(app, sample.versionId, 'BD-5000')).toBe('used');
    expect(await displayState(app, pending.versionId, 'BD-5000')).toBe('used');
  });
});

describe('index maintenance on taxonomy updates (TAX-5 → TAX-8)', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = (await openTaxonomyDatabase(app.bed.database.url)) as MikroORM;
  });

  afterAll(async () => {
    await orm?.close();
  });

  it('TAX-5: an accepted replacement moves indexes to the new term; an accepted deletion removes them with the reason', async () => {
    const { providerServiceId } = await service();
    const moved = await indexService(app, providerServiceId, [
      CODES.youthMentoring,
      'YB-8000.1500',
    ]);
    const touched = await orm.em
      .fork()
      .transactional((em) =>
        moveIndexesToReplacement(em, sample.taxonomyId, 'YB-8000.1500', 'YB-8000', PROVIDERS_ACTOR),
      );
    expect(touched).toBe(1);
    const [row] = await app.query<{ term_codes: string[] }>(
      'select term_codes from service_index where index_id = $1',
      [moved.indexId],
    );
    expect(row?.term_codes).toEqual([CODES.youthMentoring, 'YB-8000']);
    expect(await displayState(app, sample.versionId, 'YB-8000.1500')).toBe('active');
    expect(await displayState(app, sample.versionId, 'YB-8000')).toBe('used');

    const removed = await orm.em
      .fork()
      .transactional((em) =>
        removeIndexesUsing(
          em,
          sample.taxonomyId,
          'YB-8000',
          'TAX-5: term YB-8000 was deleted',
          PROVIDERS_ACTOR,
        ),
      );
    expect(removed).toBe(1);
    expect(
      await app.query('select 1 from service_index where index_id = $1', [moved.indexId]),
    ).toEqual([]);
    expect(await displayState(app, sample.versionId, 'YB-8000')).toBe('active');
    const events = await recordedEvents<{
      indexId: string;
      reason: string | null;
      compoundName: string;
    }>(app, 'service-index.removed');
    expect(events.filter((e) => e.indexId === moved.indexId).map((e) => e.reason)).toEqual([
      'TAX-5: term YB-8000.1500 was replaced by YB-8000',
      'TAX-5: term YB-8000 was deleted',
    ]);
  });
});
