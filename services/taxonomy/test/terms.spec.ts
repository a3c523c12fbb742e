import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addTerm,
  publish,
  termRequests,
  termsPath,
  youthTaxonomy,
  type TermAnswer,
  type VersionAnswer,
} from './support/custom-taxonomy.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import {
  ADMIN,
  CASE_WORKER,
  fields,
  PROVIDER_USER,
  RESOURCE_MANAGER,
  type Problem,
} from './support/users.js';

/**
 * TAX-4 (customise) over HTTP: terms added, changed, moved and deleted — at once on an editing
 * version, as drafts on the published one until it is republished (languages: term-languages).
 */
let app: TaxonomyApp;

beforeAll(async () => {
  app = await startTaxonomyApp();
});

afterAll(async () => {
  await app?.close();
});

const { term, terms, change } = termRequests(() => app);

describe('custom terms on an editing version', () => {
  it('TAX-4: a custom term sits one level below its parent', async () => {
    const { versionId } = await youthTaxonomy(app);
    expect(await term(versionId, 'Y-1.1')).toMatchObject({
      parentCode: 'Y-1',
      level: 3,
      custom: true,
      displayState: 'active',
      language: 'en',
      draft: null,
    });
    expect(await term(versionId, 'Y')).toMatchObject({ level: 1, childCount: 1 });
  });

  it('TAX-4: a code the version has is refused, and so is an unknown parent', async () => {
    const { versionId } = await youthTaxonomy(app);
    const duplicate = await app.request<Problem>('POST', termsPath(versionId), {
      user: ADMIN,
      body: { code: 'Y-1', parentCode: 'Y', name: 'Again' },
    });
    expect(duplicate.status).toBe(409);
    expect(fields(duplicate.body)).toEqual(['code']);
    const orphan = await app.request<Problem>('POST', termsPath(versionId), {
      user: ADMIN,
      body: { code: 'Z-1', parentCode: 'Z', name: 'Orphan' },
    });
    expect(orphan.status).toBe(422);
    expect(orphan.body.rule).toBe('TAX-4');
    expect(fields(orphan.body)).toEqual(['parentCode']);
  });

  it('TAX-4: a change of an editing version applies at once', async () => {
    const { versionId } = await youthTaxonomy(app);
    const changed = await change('PATCH', termsPath(versionId, 'Y-1'), {
      name: 'Youth Mentoring',
      definition: 'Programs that pair young people with adult volunteers.',
    });
    expect(changed.status).toBe(200);
    expect(await term(versionId, 'Y-1')).toMatchObject({
      name: 'Youth Mentoring',
      useReferences: ['Coaching'],
      draft: null,
    });
  });

  it('TAX-4: moving a term moves its subtree and keeps levels right', async () => {
    const { versionId } = await youthTaxonomy(app);
    expect((await change('PATCH', termsPath(versionId, 'Y-1'), { parentCode: 'F' })).status).toBe(
      200,
    );
    expect(await term(versionId, 'Y-1')).toMatchObject({ parentCode: 'F', level: 2 });
    expect((await change('PATCH', termsPath(versionId, 'Y-1'), { parentCode: null })).status).toBe(
      200,
    );
    expect(await term(versionId, 'Y-1')).toMatchObject({ level: 1 });
    expect(await term(versionId, 'Y-1.1')).toMatchObject({ level: 2 });
  });

  it('TAX-4: a term cannot be moved below itself', async () => {
    const { versionId } = await youthTaxonomy(app);
    const cycle = await change('PATCH', termsPath(versionId, 'Y'), { parentCode: 'Y-1.1' });
    expect(cycle.status).toBe(422);
    expect(cycle.body.rule).toBe('TAX-4');
    expect(fields(cycle.body)).toEqual(['parentCode']);
  });

  it('TAX-3: a term with children cannot be deleted; a leaf can', async () => {
    const { versionId } = await youthTaxonomy(app);
    const refused = await change('DELETE', termsPath(versionId, 'Y-1'));
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-3');
    expect((await change('DELETE', termsPath(versionId, 'Y-1.1'))).status).toBe(204);
    expect((await app.request('GET', termsPath(versionId, 'Y-1.1'), { user: ADMIN })).status).toBe(
      404,
    );
    expect((await change('DELETE', termsPath(versionId, 'Y-1'))).status).toBe(204);
  });

  it('TAX-4: terms are listed by parent and by name', async () => {
    const { versionId } = await youthTaxonomy(app);
    const children = await terms(versionId, '?parentCode=Y');
    expect(children.items.map((t) => t.code)).toEqual(['Y-1']);
    const named = await terms(versionId, '?q=MENTOR');
    expect(named.items.map((t) => t.code)).toEqual(['Y-1', 'Y-1.1']);
    const paged = await terms(versionId, '?limit=2&offset=2');
    expect(paged.total).toBe(4);
    expect(paged.items.map((t) => t.code)).toEqual(['Y-1', 'Y-1.1']);
  });
});

describe('edits of the published version (TAX-4)', () => {
  it('TAX-4: editing a published term leaves the published text until republished', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    const edited = await change('PATCH', termsPath(versionId, 'Y-1'), { name: 'Youth Mentoring' });
    expect(edited.status).toBe(200);
    const before = await term(versionId, 'Y-1');
    expect(before.name).toBe('Mentoring');
    expect(before.draft).toMatchObject({
      action: 'modified',
      texts: [expect.objectContaining({ language: 'en', name: 'Youth Mentoring' })],
    });
    expect((await terms(versionId, '?q=youth%20mentoring')).total).toBe(0);
    const [listed] = (await terms(versionId, '?q=mentoring&limit=1')).items;
    expect(listed).toMatchObject({ code: 'Y-1', name: 'Mentoring', draft: 'modified' });
    const version = await app.request<VersionAnswer>('GET', `/taxonomy-versions/${versionId}`, {
      user: ADMIN,
    });
    expect(version.body.pendingDrafts).toBe(1);

    const republished = await publish(app, versionId);
    expect(republished).toMatchObject({ status: 'published', appliedDrafts: 1, pendingDrafts: 0 });
    expect(await term(versionId, 'Y-1')).toMatchObject({ name: 'Youth Mentoring', draft: null });
  });

  it('TAX-4: a term added to the published version joins it when republished', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    const added = await addTerm(app, versionId, {
      code: 'F-1',
      parentCode: 'F',
      name: 'Food Pantries',
    });
    expect(added).toMatchObject({ inVersion: false, level: null, draft: { action: 'added' } });
    expect((await terms(versionId, '?parentCode=F')).total).toBe(0);
    // A child of the drafted term is accepted: the hierarchy is checked as it will be.
    await addTerm(app, versionId, { code: 'F-1.1', parentCode: 'F-1', name: 'Brown Bag Programs' });
    await publish(app, versionId);
    expect(await term(versionId, 'F-1.1')).toMatchObject({
      level: 3,
      inVersion: true,
      draft: null,
    });
    expect((await terms(versionId, '?parentCode=F')).items.map((t) => t.code)).toEqual(['F-1']);
  });

  it('TAX-4: a deleted published term stays until republished', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    expect((await change('DELETE', termsPath(versionId, 'F'))).status).toBe(204);
    expect(await term(versionId, 'F')).toMatchObject({
      name: 'Food',
      draft: { action: 'deleted' },
    });
    expect((await change('PATCH', termsPath(versionId, 'F'), { name: 'Meals' })).status).toBe(404);
    await publish(app, versionId);
    expect((await app.request('GET', termsPath(versionId, 'F'), { user: ADMIN })).status).toBe(404);
  });

  const discardDraft = (versionId: string, code: string, user = ADMIN) =>
    app.request<TermAnswer & Problem>('DELETE', `${termsPath(versionId, code)}/draft`, { user });

  it('TAX-4: discarding a draft leaves the term as published; a term without a draft is 404', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    await change('PATCH', termsPath(versionId, 'Y-1'), { name: 'Youth Mentoring' });
    expect((await discardDraft(versionId, 'Y-1', RESOURCE_MANAGER)).status).toBe(403);
    const discarded = await discardDraft(versionId, 'Y-1');
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ code: 'Y-1', name: 'Mentoring', draft: null });
    expect((await discardDraft(versionId, 'Y-1')).status).toBe(404);
    expect((await discardDraft(versionId, 'NOPE')).status).toBe(404);
    const republished = await publish(app, versionId);
    expect(republished).toMatchObject({ appliedDrafts: 0, pendingDrafts: 0 });
    expect(await term(versionId, 'Y-1')).toMatchObject({ name: 'Mentoring', draft: null });
  });

  it('TAX-4: a discarded addition is gone (204); an added parent of other drafts keeps its draft until they go', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    await addTerm(app, versionId, { code: 'F-1', parentCode: 'F', name: 'Food Pantries' });
    await addTerm(app, versionId, { code: 'F-1.1', parentCode: 'F-1', name: 'Brown Bags' });
    const refused = await discardDraft(versionId, 'F-1');
    expect([refused.status, refused.body.rule, fields(refused.body)]).toEqual([
      409,
      'TAX-4',
      ['code'],
    ]);
    expect(refused.body.detail).toContain('F-1.1');
    expect((await discardDraft(versionId, 'F-1.1')).status).toBe(204);
    expect((await discardDraft(versionId, 'F-1')).status).toBe(204);
    expect((await app.request('GET', termsPath(versionId, 'F-1'), { user: ADMIN })).status).toBe(
      404,
    );
    expect(await publish(app, versionId)).toMatchObject({ appliedDrafts: 0 });
  });

  it('TAX-4: a discarded deletion brings the term back, unless its published parent is drafted for deletion', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    expect((await change('DELETE', termsPath(versionId, 'Y-1.1'))).status).toBe(204);
    expect((await change('DELETE', termsPath(versionId, 'Y-1'))).status).toBe(204);
    const refused = await discardDraft(versionId, 'Y-1.1');
    expect([refused.status, refused.body.rule]).toEqual([409, 'TAX-4']);
    expect(refused.body.detail).toContain('Y-1');
    expect(await term(versionId, 'Y-1.1')).toMatchObject({ draft: { action: 'deleted' } });

    expect(await discardDraft(versionId, 'Y-1')).toMatchObject({
      status: 200,
      body: { code: 'Y-1', draft: null },
    });
    expect((await discardDraft(versionId, 'Y-1.1')).status).toBe(200);
    await publish(app, versionId);
    expect(await term(versionId, 'Y-1.1')).toMatchObject({ parentCode: 'Y-1', draft: null });
  });

  it('TAX-2: a superseded version refuses edits', async () => {
    const { taxonomyId, versionId } = await youthTaxonomy(app, { published: true });
    const next = await app.request<VersionAnswer>('POST', `/taxonomies/${taxonomyId}/versions`, {
      user: ADMIN,
      body: { versionLabel: '2.0' },
    });
    await publish(app, next.body.versionId);
    const refused = await change('PATCH', termsPath(versionId, 'Y'), { name: 'Young People' });
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-2');
    const add = await app.request<Problem>('POST', termsPath(versionId), {
      user: ADMIN,
      body: { code: 'N', name: 'New' },
    });
    expect(add.status).toBe(409);
  });
});

describe('ROLE', () => {
  it('ROLE: only administrators change terms; staff and providers read them', async () => {
    const { versionId } = await youthTaxonomy(app);
    for (const user of [RESOURCE_MANAGER, CASE_WORKER, PROVIDER_USER]) {
      const replies = [
        await app.request('POST', termsPath(versionId), { user, body: { code: 'X', name: 'X' } }),
        await app.request('PATCH', termsPath(versionId, 'Y'), { user, body: { name: 'X' } }),
        await app.request('DELETE', termsPath(versionId, 'F'), { user }),
        await app.request('PUT', `${termsPath(versionId, 'Y')}/display-state`, {
          user,
          body: { state: 'inactive-shown' },
        }),
        await app.request('PUT', `${termsPath(versionId, 'Y')}/texts/fr`, {
          user,
          body: { name: 'X' },
        }),
      ];
      expect(replies.map((reply) => reply.status)).toEqual([403, 403, 403, 403, 403]);
      expect((await app.request('GET', termsPath(versionId), { user })).status).toBe(200);
      expect((await app.request('GET', termsPath(versionId, 'Y'), { user })).status).toBe(200);
    }
    expect(await term(versionId, 'Y')).toMatchObject({ name: 'Youth', displayState: 'active' });
    expect((await terms(versionId)).total).toBe(4);
  });
});
