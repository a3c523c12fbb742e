import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { taxonomyXml } from '../src/airs/taxonomy-xml-writer.js';
import type { TaxonomyFileTerm } from '../src/airs/taxonomy-file.js';
import type { ImportAnswer } from './support/import-fixtures.js';
import { decide, publish, term, versionStatus } from './support/review-requests.js';
import { releaseHeader, startReviewTestbed, type ReviewTestbed } from './support/review-testbed.js';
import type { TaxonomyApp } from './support/taxonomy-app.js';
import { ADMIN, expectStatus, fields, type Problem } from './support/users.js';

/**
 * TAX-5 keeps the tree whole: a review decision never leaves a term of the new version under a
 * parent that is not in it — a parent's removal is accepted after its children's, a rejection that
 * would keep a term under a removed parent is refused, accept-all/reject-all likewise — and
 * publishing refuses a version whose tree is broken (TAX-2).
 */
let testbed: ReviewTestbed;
let app: TaxonomyApp;

const name = '211 Review Hierarchy Taxonomy';
const header = (releaseDate: string) => releaseHeader(releaseDate, name);
const moved = (code: string, label: string, parentCode: string): TaxonomyFileTerm =>
  term(code, label, { parentCode });

/** P = BD-1800 with C1, C2; R = BD-6000 with R1, R2. */
const FIRST: TaxonomyFileTerm[] = [
  term('B', 'Basic Needs'),
  term('BD', 'Food'),
  term('BD-1800', 'Emergency Food'),
  term('BD-1800.1900', 'Brown Bag Food Programs'),
  term('BD-1800.2000', 'Food Pantries'),
  term('BD-5000', 'Meals'),
  term('BD-5000.1500', 'Congregate Meals'),
  term('BD-6000', 'Meal Delivery'),
  term('BD-6000.1000', 'Home Delivered Meals'),
  term('BD-6000.2000', 'Meals on Wheels'),
];

/**
 * P and C1 deleted, C2 moved under BD-5000; R replaced by BD-6500 and its children moved with it
 * (the file gives them their new parent: modified, not orphaned).
 */
const SECOND: TaxonomyFileTerm[] = [
  term('B', 'Basic Needs'),
  term('BD', 'Food'),
  moved('BD-1800.2000', 'Food Pantries', 'BD-5000'),
  term('BD-5000', 'Meals'),
  term('BD-5000.1500', 'Congregate Meals'),
  term('BD-6500', 'Meal Delivery Programs', { replaces: ['BD-6000'] }),
  moved('BD-6000.1000', 'Home Delivered Meals', 'BD-6500'),
  moved('BD-6000.2000', 'Meals on Wheels', 'BD-6500'),
];

/**
 * Reviewed before importing: BD-5000 replaced by BD-5500 with its children's moves held; BD-6500
 * deleted with both its children.
 */
const THIRD: TaxonomyFileTerm[] = [
  term('B', 'Basic Needs'),
  term('BD', 'Food'),
  term('BD-5500', 'Meals and Nutrition', { replaces: ['BD-5000'] }),
  moved('BD-1800.2000', 'Food Pantries', 'BD-5500'),
  moved('BD-5000.1500', 'Congregate Meals', 'BD-5500'),
];

let first: ImportAnswer;
let second: ImportAnswer;
let third: ImportAnswer;

const orphansOf = (versionId: string) =>
  app.query<{ code: string }>(
    `select t.code from term t where t.version_id = $1 and t.parent_code is not null
        and not exists (select 1 from term p where p.version_id = t.version_id and p.code = t.parent_code)`,
    [versionId],
  );
const parentOf = async (versionId: string, code: string) =>
  (
    await app.query<{ parent_code: string | null }>(
      'select parent_code from term where version_id = $1 and code = $2',
      [versionId, code],
    )
  )[0]?.parent_code;
const decideAll = (versionId: string, decision: 'accept-all' | 'reject-all') =>
  app.request<Problem>('POST', `/taxonomy-versions/${versionId}/review/${decision}`, {
    user: ADMIN,
    body: {},
  });
const refusal = (reply: { status: number; body: unknown }) => {
  const problem = reply.body as Problem;
  return { status: reply.status, rule: problem.rule, fields: fields(problem) };
};

beforeAll(async () => {
  testbed = await startReviewTestbed();
  app = testbed.app;
  first = await testbed.imported(taxonomyXml(header('2026-07-01'), FIRST));
  await publish(app, first.versionId);
  second = await testbed.imported(taxonomyXml(header('2026-10-01'), SECOND), {
    reviewElements: ['parent'],
  });
});

afterAll(async () => {
  await testbed?.close();
});

describe('the review keeps the new version a whole tree (TAX-5)', () => {
  it('TAX-5: the moves a release makes apply at import; the review list holds removals and the moves', async () => {
    expect(second).toMatchObject({
      status: 'pending-user-review',
      changes: { replaced: 1, deleted: 2, modified: 3, toReview: 6 },
    });
    expect(await parentOf(second.versionId, 'BD-1800.2000')).toBe('BD-5000');
    expect(await parentOf(second.versionId, 'BD-6000.1000')).toBe('BD-6500');
  });

  it('TAX-5: accepting the deletion of a term whose child is still in the version is refused, naming the child', async () => {
    const reply = await decide(app, second.versionId, 'BD-1800', 'accept');
    expect(refusal(reply)).toEqual({ status: 409, rule: 'TAX-5', fields: ['code'] });
    const detail = (reply.body as Problem).detail ?? '';
    expect(detail).toContain('BD-1800.1900');
    // C2 already moved under BD-5000 with the release: not named.
    expect(detail).not.toContain('BD-1800.2000');
    expect(await parentOf(second.versionId, 'BD-1800')).toBe('BD');
  });

  it('TAX-5: children first, then the parent: the deleted subtree leaves, and a rejection that would put a child back under it is refused', async () => {
    expectStatus(await decide(app, second.versionId, 'BD-1800.1900', 'accept'), 200, 'accept C1');
    expectStatus(await decide(app, second.versionId, 'BD-1800', 'accept'), 200, 'accept P');

    const back = await decide(app, second.versionId, 'BD-1800.2000', 'reject');
    expect(refusal(back)).toEqual({ status: 409, rule: 'TAX-5', fields: ['code'] });
    expect((back.body as Problem).detail).toContain('BD-1800.2000 (parent BD-1800)');
    const all = await decideAll(second.versionId, 'reject-all');
    expect(refusal(all)).toEqual({ status: 409, rule: 'TAX-5', fields: ['versionId'] });
    expect(await parentOf(second.versionId, 'BD-1800.2000')).toBe('BD-5000');
    expect(await versionStatus(app, second.versionId)).toBe('pending-user-review');
  });

  it('TAX-5: the children of a replaced term move with it, so its replacement is accepted at once and the version publishes whole', async () => {
    expectStatus(await decide(app, second.versionId, 'BD-6000', 'accept'), 200, 'accept R');
    for (const code of ['BD-1800.2000', 'BD-6000.1000', 'BD-6000.2000']) {
      expectStatus(await decide(app, second.versionId, code, 'accept'), 200, `accept ${code}`);
    }
    expect(await testbed.reviewResult(second.versionId)).toEqual({
      outcome: 'published',
      versionId: second.versionId,
    });
    expect(await orphansOf(second.versionId)).toEqual([]);
    expect(await parentOf(second.versionId, 'BD-6000.2000')).toBe('BD-6500');
    expect(await parentOf(second.versionId, 'BD-6000')).toBeUndefined();
  });
});

describe('held moves, kept children and decide-all (TAX-5)', () => {
  beforeAll(async () => {
    third = await testbed.imported(taxonomyXml(header('2027-01-01'), THIRD), {
      reviewBeforeImport: true,
      reviewElements: ['parent'],
    });
  });

  it("TAX-5: accepting a replacement is refused while its children's moves are held for review; accepted moves let it go", async () => {
    const refused = await decide(app, third.versionId, 'BD-5000', 'accept');
    expect(refusal(refused)).toEqual({ status: 409, rule: 'TAX-5', fields: ['code'] });
    expect((refused.body as Problem).detail).toContain('BD-1800.2000');
    expect((refused.body as Problem).detail).toContain('BD-5000.1500');
    for (const code of ['BD-1800.2000', 'BD-5000.1500']) {
      expectStatus(await decide(app, third.versionId, code, 'accept'), 200, `accept ${code}`);
    }
    expectStatus(await decide(app, third.versionId, 'BD-5000', 'accept'), 200, 'accept BD-5000');
    expect(await parentOf(third.versionId, 'BD-5000.1500')).toBe('BD-5500');
  });

  it('TAX-5: a child whose deletion was rejected keeps its parent: accepting the parent, alone or with accept-all, is refused naming the child', async () => {
    expectStatus(await decide(app, third.versionId, 'BD-6000.1000', 'reject'), 200, 'keep R1');
    const alone = await decide(app, third.versionId, 'BD-6500', 'accept');
    expect(refusal(alone)).toEqual({ status: 409, rule: 'TAX-5', fields: ['code'] });
    expect((alone.body as Problem).detail).toContain('BD-6000.1000');
    const all = await decideAll(third.versionId, 'accept-all');
    expect(refusal(all)).toEqual({ status: 409, rule: 'TAX-5', fields: ['versionId'] });
    expect((all.body as Problem).detail).toContain('BD-6000.1000 (parent BD-6500)');
    expect(await parentOf(third.versionId, 'BD-6500')).toBe('BD');
    expect(await parentOf(third.versionId, 'BD-6000.2000')).toBe('BD-6500');
  });

  it('TAX-5: rejecting the parent then accepting the rest publishes a whole tree', async () => {
    expectStatus(await decide(app, third.versionId, 'BD-6500', 'reject'), 200, 'keep BD-6500');
    expect(expectStatus(await decideAll(third.versionId, 'accept-all'), 200, 'accept-all')).toEqual(
      { versionId: third.versionId, decision: 'accepted', decided: 1 },
    );
    expect(await testbed.reviewResult(third.versionId)).toEqual({
      outcome: 'published',
      versionId: third.versionId,
    });
    expect(await orphansOf(third.versionId)).toEqual([]);
    expect(await parentOf(third.versionId, 'BD-6000.1000')).toBe('BD-6500');
    expect(await parentOf(third.versionId, 'BD-6000.2000')).toBeUndefined();
  });
});

describe('publishing checks the tree (TAX-2)', () => {
  it('TAX-2: a version with a term whose parent is not in it is not published; the refusal names the term', async () => {
    const other = await testbed.imported(
      taxonomyXml(releaseHeader('2026-07-01', '211 Broken Tree Taxonomy'), FIRST.slice(0, 4)),
    );
    // A tree broken behind the service's back (no command leaves one): the last guard holds.
    await app.query(
      `insert into term (version_id, code, parent_code, level, updated_by)
       values ($1, 'BD-9000.1000', 'BD-9000', 4, 'test')`,
      [other.versionId],
    );
    const reply = await app.request<Problem>(
      'POST',
      `/taxonomy-versions/${other.versionId}/publish`,
      { user: ADMIN, body: {} },
    );
    expect(refusal(reply)).toEqual({ status: 409, rule: 'TAX-2', fields: ['versionId'] });
    expect(reply.body.detail).toContain('BD-9000.1000 (parent BD-9000)');
    expect(await versionStatus(app, other.versionId)).toBe('editing');
  });
});
