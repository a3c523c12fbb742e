import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@platform/testing';
import { taxonomyXml } from '../src/airs/taxonomy-xml-writer.js';
import { diffTerms } from '../src/versions/term-diff.js';
import type { ImportAnswer, ImportOptions } from './support/import-fixtures.js';
import {
  changesOf,
  decide,
  publish,
  term,
  termNames,
  versionStatus,
} from './support/review-requests.js';
import {
  FIRST_RELEASE as FIRST,
  releaseHeader as header,
  SECOND_RELEASE as SECOND,
  startReviewTestbed,
  type ReviewTestbed,
} from './support/review-testbed.js';
import type { TaxonomyApp } from './support/taxonomy-app.js';
import { ADMIN, expectStatus, fields, RESOURCE_MANAGER, type Problem } from './support/users.js';

/**
 * TAX-5 acceptance: update imports over HTTP with the real review process (the `taxonomyReview`
 * workflow on the time-skipping test server), which publishes the version once the administrator
 * decided every term on the review list, superseding the one before.
 */
let testbed: ReviewTestbed;
let app: TaxonomyApp;
let first: ImportAnswer;
let second: ImportAnswer;

const imported = (xml: string, options?: ImportOptions) => testbed.imported(xml, options);
const reviewResult = (versionId: string) => testbed.reviewResult(versionId);

beforeAll(async () => {
  testbed = await startReviewTestbed();
  app = testbed.app;
  first = await imported(taxonomyXml(header('2026-07-01'), FIRST));
  await publish(app, first.versionId);
  second = await imported(taxonomyXml(header('2026-10-01'), SECOND));
});

afterAll(async () => {
  await testbed?.close();
});

describe('update import and review (TAX-5)', () => {
  it('TAX-5: a second release records exactly its added, renamed, replaced and deleted terms; the version is pending user review', async () => {
    expect(second).toMatchObject({
      kind: 'update',
      taxonomyId: first.taxonomyId,
      status: 'pending-user-review',
      changes: { added: 1, modified: 1, replaced: 1, deleted: 1, toReview: 2 },
    });
    const rows = expectStatus(await changesOf(app, second.versionId), 200, 'changes').items;
    expect(
      rows.map((row) => [
        row.code,
        row.change,
        row.changedElements,
        row.replacedBy,
        row.needsReview,
      ]),
    ).toEqual([
      ['BD-1800.1900', 'replaced', [], 'BD-1800.1950', true],
      ['BD-1800.2250', 'added', [], null, false],
      ['BD-5000.1500', 'modified', ['name'], null, false],
      ['BD-5000.8300', 'deleted', [], null, true],
    ]);
    expect(rows.map((row) => [row.code, row.oldName, row.newName])).toEqual([
      ['BD-1800.1900', 'Brown Bag Food Programs', 'Food Bag Programs'],
      ['BD-1800.2250', null, 'Food Vouchers'],
      ['BD-5000.1500', 'Congregate Meals', 'Congregate Meals/Nutrition Sites'],
      ['BD-5000.8300', 'Soup Kitchens', null],
    ]);
    expect(await versionStatus(app, second.versionId)).toBe('pending-user-review');
  });

  it('TAX-5: the set-based diff of the import agrees with the rules of diffTerms on the same releases', async () => {
    const rows = expectStatus(await changesOf(app, second.versionId), 200, 'changes').items;
    const expected = diffTerms(
      FIRST.map((t) => ({ ...t, custom: false })),
      SECOND,
      { reviewBeforeImport: false, reviewElements: [] },
    );
    expect(
      rows.map(({ code, change, changedElements, replacedBy, needsReview }) => ({
        code,
        change,
        changedElements,
        replacedBy,
        needsReview,
      })),
    ).toEqual(expected);
  });

  it('TAX-5: the review list holds the replaced and deleted terms; the new version keeps them until decided', async () => {
    const list = expectStatus(
      await changesOf(app, second.versionId, '&needsReview=true&decided=false'),
      200,
      'review list',
    );
    expect(list.items.map((row) => [row.code, row.change])).toEqual([
      ['BD-1800.1900', 'replaced'],
      ['BD-5000.8300', 'deleted'],
    ]);
    const names = await termNames(app, second.versionId);
    expect(names).toMatchObject({
      'BD-1800.1900': 'Brown Bag Food Programs',
      'BD-1800.1950': 'Food Bag Programs',
      'BD-1800.2250': 'Food Vouchers',
      'BD-5000.1500': 'Congregate Meals/Nutrition Sites',
      'BD-5000.8300': 'Soup Kitchens',
    });
  });

  it('ROLE: only administrators see the changes and decide (403 for a resource manager)', async () => {
    expect((await changesOf(app, second.versionId, '', RESOURCE_MANAGER)).status).toBe(403);
    const refused = await decide(app, second.versionId, 'BD-5000.8300', 'accept', RESOURCE_MANAGER);
    expect(refused.status).toBe(403);
    expect(await versionStatus(app, second.versionId)).toBe('pending-user-review');
  });

  it('TAX-5: a term not on the review list takes no decision (409 naming TAX-5 and code)', async () => {
    const reply = await decide(app, second.versionId, 'BD-1800.2250', 'accept');
    expect(reply.status).toBe(409);
    expect((reply.body as Problem).rule).toBe('TAX-5');
    expect(fields(reply.body as Problem)).toEqual(['code']);
  });

  it('TAX-5: accepting the replacement and rejecting the deletion publishes the version and supersedes the old one', async () => {
    const accepted = expectStatus(
      await decide(app, second.versionId, 'BD-1800.1900', 'accept', ADMIN, 'Same service'),
      200,
      'accept',
    );
    expect(accepted).toMatchObject({
      decision: 'accepted',
      decidedBy: ADMIN,
      comment: 'Same service',
    });
    // The same decision again answers the same; the other one is refused.
    expect((await decide(app, second.versionId, 'BD-1800.1900', 'accept')).status).toBe(200);
    const changed = await decide(app, second.versionId, 'BD-1800.1900', 'reject');
    expect(changed.status).toBe(409);
    expect((changed.body as Problem).rule).toBe('TAX-5');
    expect(await versionStatus(app, second.versionId)).toBe('pending-user-review');

    expectStatus(await decide(app, second.versionId, 'BD-5000.8300', 'reject'), 200, 'reject');

    expect(await reviewResult(second.versionId)).toEqual({
      outcome: 'published',
      versionId: second.versionId,
    });
    await eventually(async () => {
      expect(await versionStatus(app, second.versionId)).toBe('published');
    });
    expect(await versionStatus(app, first.versionId)).toBe('superseded');
    const names = await termNames(app, second.versionId);
    expect(names['BD-1800.1900']).toBeUndefined();
    expect(names).toMatchObject({
      'BD-1800.1950': 'Food Bag Programs',
      'BD-5000.8300': 'Soup Kitchens',
      'BD-5000.1500': 'Congregate Meals/Nutrition Sites',
    });
    const [published] = await app.query<{ count: string }>(
      `select count(*) from outbox_message where event_type = 'taxonomy-version.published'
          and envelope -> 'data' ->> 'versionId' = $1`,
      [second.versionId],
    );
    expect(Number(published?.count)).toBe(1);
  });

  it('TAX-5: decisions on a version that is no longer pending user review are 409 naming TAX-5', async () => {
    await eventually(async () => {
      expect(await versionStatus(app, second.versionId)).toBe('published');
    });
    const reply = await decide(app, second.versionId, 'BD-5000.8300', 'accept');
    expect(reply.status).toBe(409);
    expect((reply.body as Problem).rule).toBe('TAX-5');
  });

  it('TAX-5: reviewing before importing with reviewElements=[name] lists and holds only the renamed terms; accepted renames apply, rejected ones keep the old name', async () => {
    await eventually(async () => {
      expect(await versionStatus(app, second.versionId)).toBe('published');
    });
    const third = await imported(
      taxonomyXml(
        header('2027-01-01'),
        // The published version kept Soup Kitchens (its deletion was rejected); this release has it.
        [...SECOND, term('BD-5000.8300', 'Soup Kitchens')].map((t) => {
          if (t.code === 'BD-1800.2000') return { ...t, name: 'Food Pantries and Shelves' };
          if (t.code === 'BD-5000.1500') return { ...t, name: 'Nutrition Sites' };
          if (t.code === 'BD-5000') return { ...t, definition: 'Prepared meals of every kind.' };
          return t;
        }),
      ),
      { reviewBeforeImport: true, reviewElements: ['name'] },
    );
    expect(third).toMatchObject({
      status: 'pending-user-review',
      changes: { added: 0, modified: 3, replaced: 0, deleted: 0, toReview: 2 },
    });
    const rows = expectStatus(await changesOf(app, third.versionId), 200, 'changes').items;
    expect(rows.map((row) => [row.code, row.changedElements, row.needsReview])).toEqual([
      ['BD-1800.2000', ['name'], true],
      ['BD-5000', ['definition'], false],
      ['BD-5000.1500', ['name'], true],
    ]);
    // Held: the old names stay until the renames are accepted; the unreviewed change applied.
    expect(await termNames(app, third.versionId)).toMatchObject({
      'BD-1800.2000': 'Food Pantries',
      'BD-5000.1500': 'Congregate Meals/Nutrition Sites',
    });
    const [meals] = await app.query<{ definition: string }>(
      `select definition from term_text where version_id = $1 and code = 'BD-5000'`,
      [third.versionId],
    );
    expect(meals?.definition).toBe('Prepared meals of every kind.');

    expectStatus(await decide(app, third.versionId, 'BD-1800.2000', 'accept'), 200, 'accept');
    expectStatus(await decide(app, third.versionId, 'BD-5000.1500', 'reject'), 200, 'reject');
    expect(await reviewResult(third.versionId)).toEqual({
      outcome: 'published',
      versionId: third.versionId,
    });
    expect(await termNames(app, third.versionId)).toMatchObject({
      'BD-1800.2000': 'Food Pantries and Shelves',
      'BD-5000.1500': 'Congregate Meals/Nutrition Sites',
    });
    expect(await versionStatus(app, second.versionId)).toBe('superseded');
  });

  it('TAX-5: a discarded update ends its review unpublished; the release can be imported again', async () => {
    const [latest] = await app.query<{ version_id: string }>(
      `select version_id from taxonomy_version where taxonomy_id = $1 and status = 'published'`,
      [first.taxonomyId],
    );
    const withoutSoupKitchens = taxonomyXml(header('2027-04-01'), SECOND);
    const pending = await imported(withoutSoupKitchens);
    expect(pending).toMatchObject({ status: 'pending-user-review', changes: { toReview: 1 } });

    const discarded = await app.request('POST', `/taxonomy-versions/${pending.versionId}/discard`, {
      user: ADMIN,
      body: {},
    });
    expect(expectStatus(discarded, 200, 'discard')).toEqual({
      versionId: pending.versionId,
      status: 'discarded',
    });
    expect(await reviewResult(pending.versionId)).toEqual({
      outcome: 'discarded',
      versionId: pending.versionId,
    });
    expect(await versionStatus(app, latest?.version_id ?? '')).toBe('published');
    const late = await decide(app, pending.versionId, 'BD-5000.8300', 'accept');
    expect([late.status, (late.body as Problem).rule]).toEqual([409, 'TAX-5']);

    // Imported again, renames listed but not held: a rejected rename takes back the old name.
    const again = await imported(withoutSoupKitchens, { reviewElements: ['name'] });
    expect(again).toMatchObject({ status: 'pending-user-review', changes: { toReview: 2 } });
    expect(again.versionId).not.toBe(pending.versionId);
    expect((await termNames(app, again.versionId))['BD-1800.2000']).toBe('Food Pantries');
    expectStatus(await decide(app, again.versionId, 'BD-1800.2000', 'reject'), 200, 'reject');
    expect((await termNames(app, again.versionId))['BD-1800.2000']).toBe(
      'Food Pantries and Shelves',
    );
    const published = await app.request(
      'POST',
      `/taxonomy-versions/${latest?.version_id}/discard`,
      {
        user: ADMIN,
        body: {},
      },
    );
    expect([published.status, (published.body as Problem).rule]).toEqual([409, 'TAX-2']);
  });
});
