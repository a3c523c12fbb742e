import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@platform/testing';
import { taxonomyXml } from '../src/airs/taxonomy-xml-writer.js';
import type { ImportAnswer } from './support/import-fixtures.js';
import { displayState, postIndex } from './support/indexing-requests.js';
import { directoryService } from './support/provider-facts.js';
import { changesOf, publish, termNames, versionStatus } from './support/review-requests.js';
import {
  FIRST_RELEASE as FIRST,
  releaseHeader as header,
  SECOND_RELEASE as SECOND,
  startReviewTestbed,
  type ReviewTestbed,
} from './support/review-testbed.js';
import type { TaxonomyApp } from './support/taxonomy-app.js';
import { ADMIN, expectStatus } from './support/users.js';

/**
 * TAX-5 with the agency's own work: an update version is a complete copy of the published one
 * (custom terms, display states, other languages), and the review's decisions reach the
 * provider-service indexes when the version is published (TAX-8).
 */
let testbed: ReviewTestbed;
let app: TaxonomyApp;

beforeAll(async () => {
  testbed = await startReviewTestbed();
  app = testbed.app;
});

afterAll(async () => {
  await testbed?.close();
});

const imported = (xml: string) => testbed.imported(xml);
const reviewResult = (versionId: string) => testbed.reviewResult(versionId);

describe("an update keeps the agency's work and moves its indexes (TAX-5 with TAX-3, TAX-4, TAX-6, TAX-8)", () => {
  const name = '211 Index Review Taxonomy';
  let published: ImportAnswer;
  let update: ImportAnswer;
  let providerServiceId: string;

  const indexesOf = async (serviceId: string) =>
    (
      await app.query<{ term_codes: string[] }>(
        'select term_codes from service_index where provider_service_id = $1 order by term_codes',
        [serviceId],
      )
    ).map((row) => row.term_codes);

  beforeAll(async () => {
    published = await imported(taxonomyXml(header('2026-07-01', name), FIRST));
    await publish(app, published.versionId);
    const { versionId } = published;
    const customised = [
      await app.request('POST', `/taxonomy-versions/${versionId}/terms`, {
        user: ADMIN,
        body: { code: 'BD-5000.9000', parentCode: 'BD-5000', name: 'Community Fridges' },
      }),
      await app.request('PUT', `/taxonomy-versions/${versionId}/terms/BD-1800.2000/texts/fr`, {
        user: ADMIN,
        body: { name: 'Banques alimentaires' },
      }),
      await app.request('PUT', `/taxonomy-versions/${versionId}/terms/BD-5000/display-state`, {
        user: ADMIN,
        body: { state: 'inactive-shown' },
      }),
    ];
    expect(customised.map((reply) => reply.status)).toEqual([201, 200, 200]);
    await publish(app, versionId); // TAX-4: the drafts take effect
    ({ providerServiceId } = await directoryService(app, {
      providerName: 'Harbor Food Bank',
      productName: 'Food Assistance',
    }));
    for (const termCodes of [
      ['BD-1800.1900'],
      ['BD-1800.1900', 'BD-5000.1500'],
      ['BD-5000.8300', 'BD-1800.2000'],
    ]) {
      const reply = await postIndex(app, providerServiceId, {
        taxonomyId: published.taxonomyId,
        termCodes,
      });
      expectStatus(reply, 201, `indexing ${termCodes.join(' * ')}`);
    }
    update = await imported(taxonomyXml(header('2026-10-01', name), SECOND));
  });

  it("TAX-4/TAX-3/TAX-6: the new version carries over custom terms, display states and other languages' texts; a custom term is never deleted", async () => {
    expect(update.changes).toEqual({ added: 1, modified: 1, replaced: 1, deleted: 1, toReview: 2 });
    const [custom] = await app.query<{ custom: boolean; name: string }>(
      `select t.custom, x.name from term t join term_text x using (version_id, code)
        where t.version_id = $1 and t.code = 'BD-5000.9000'`,
      [update.versionId],
    );
    expect(custom).toEqual({ custom: true, name: 'Community Fridges' });
    const [french] = await app.query<{ name: string }>(
      `select name from term_text where version_id = $1 and code = 'BD-1800.2000' and language = 'fr'`,
      [update.versionId],
    );
    expect(french?.name).toBe('Banques alimentaires');
    expect(await displayState(app, update.versionId, 'BD-5000')).toBe('inactive-shown');
  });

  it('TAX-5/TAX-8: the review list counts the indexes using each replaced and deleted term', async () => {
    const rows = expectStatus(
      await changesOf(app, update.versionId, '&needsReview=true'),
      200,
      'review list',
    ).items;
    expect(rows.map((row) => [row.code, row.indexCount])).toEqual([
      ['BD-1800.1900', 2],
      ['BD-5000.8300', 1],
    ]);
  });

  it("TAX-5/TAX-8: accepting all moves the replaced term's indexes (compound too) to the replacement and removes the deleted term's on publishing", async () => {
    const all = await app.request(
      'POST',
      `/taxonomy-versions/${update.versionId}/review/accept-all`,
      {
        user: ADMIN,
        body: {},
      },
    );
    expect(expectStatus(all, 200, 'accept-all')).toMatchObject({ decided: 2 });
    expect(await reviewResult(update.versionId)).toEqual({
      outcome: 'published',
      versionId: update.versionId,
    });
    await eventually(async () => {
      expect(await versionStatus(app, published.versionId)).toBe('superseded');
    });
    expect(await indexesOf(providerServiceId)).toEqual([
      ['BD-1800.1950'],
      ['BD-1800.1950', 'BD-5000.1500'],
    ]);
    expect(await displayState(app, update.versionId, 'BD-1800.1950')).toBe('used');
    const names = await termNames(app, update.versionId);
    expect([names['BD-1800.1900'], names['BD-5000.8300']]).toEqual([undefined, undefined]);
  });
});
