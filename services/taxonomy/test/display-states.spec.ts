import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  publish,
  termsPath,
  youthTaxonomy,
  type TermAnswer,
  type TermPage,
  type VersionAnswer,
} from './support/custom-taxonomy.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';
import { ADMIN, CASE_WORKER, expectStatus, fields, type Problem } from './support/users.js';

/**
 * TAX-3 over HTTP: administrators set active / inactive-shown / inactive-hidden; `used` belongs to
 * the system (set when a term is indexed); hidden terms disappear from lists for everyone but an
 * administrator who asks for them.
 */
let app: TaxonomyApp;

beforeAll(async () => {
  app = await startTaxonomyApp();
});

afterAll(async () => {
  await app?.close();
});

const setState = (versionId: string, code: string, state: string) =>
  app.request<TermAnswer & Problem>('PUT', `${termsPath(versionId, code)}/display-state`, {
    user: ADMIN,
    body: { state },
  });

/** As indexing does when an index starts to use the term (indexing/term-usage.ts). */
const markUsed = (versionId: string, code: string) =>
  app.query(`update term set display_state = 'used' where version_id = $1 and code = $2`, [
    versionId,
    code,
  ]);

async function listed(versionId: string, user: string, query = ''): Promise<string[]> {
  const page = expectStatus(
    await app.request<TermPage>('GET', `${termsPath(versionId)}${query}`, { user }),
    200,
    'listing terms',
  );
  return page.items.map((t) => t.code);
}

describe('display states (TAX-3)', () => {
  it('TAX-3: a user cannot set used', async () => {
    const { versionId } = await youthTaxonomy(app);
    const refused = await setState(versionId, 'Y', 'used');
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('TAX-3');
    expect(fields(refused.body)).toEqual(['state']);
  });

  it('TAX-3: a used term cannot be made inactive while it is indexed', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    await markUsed(versionId, 'Y-1');
    const refused = await setState(versionId, 'Y-1', 'inactive-hidden');
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-3');
    const kept = await setState(versionId, 'Y-1', 'active');
    expect(kept.status).toBe(200);
    expect(kept.body.displayState).toBe('used');
  });

  it('TAX-3: a used term cannot be deleted, not even as a draft of the published version', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    await markUsed(versionId, 'Y-1.1');
    const refused = await app.request<Problem>('DELETE', termsPath(versionId, 'Y-1.1'), {
      user: ADMIN,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-3');
  });

  it('TAX-3: a term that became used after its deletion was drafted blocks the republish', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    expect((await app.request('DELETE', termsPath(versionId, 'F'), { user: ADMIN })).status).toBe(
      204,
    );
    await markUsed(versionId, 'F');
    const refused = await app.request<Problem>('POST', `/taxonomy-versions/${versionId}/publish`, {
      user: ADMIN,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('TAX-3');
    const version = await app.request<VersionAnswer>('GET', `/taxonomy-versions/${versionId}`, {
      user: ADMIN,
    });
    expect(version.body).toMatchObject({ pendingDrafts: 1, termCount: 4 });
  });

  it('TAX-3: an inactive term can be reactivated', async () => {
    const { versionId } = await youthTaxonomy(app);
    expect((await setState(versionId, 'F', 'inactive-shown')).body.displayState).toBe(
      'inactive-shown',
    );
    expect((await setState(versionId, 'F', 'active')).body.displayState).toBe('active');
  });

  it('TAX-3: inactive-hidden terms are not shown, unless an administrator asks for them', async () => {
    const { versionId } = await youthTaxonomy(app);
    await setState(versionId, 'F', 'inactive-hidden');
    await setState(versionId, 'Y-1.1', 'inactive-shown');
    expect(await listed(versionId, CASE_WORKER)).toEqual(['Y', 'Y-1', 'Y-1.1']);
    expect(await listed(versionId, CASE_WORKER, '?includeHidden=true')).toEqual([
      'Y',
      'Y-1',
      'Y-1.1',
    ]);
    expect(await listed(versionId, ADMIN)).toEqual(['Y', 'Y-1', 'Y-1.1']);
    expect(await listed(versionId, ADMIN, '?includeHidden=true')).toEqual([
      'F',
      'Y',
      'Y-1',
      'Y-1.1',
    ]);
    expect(await listed(versionId, ADMIN, '?displayState=inactive-shown')).toEqual(['Y-1.1']);
  });

  it('TAX-3: display states apply at once on the published version and are counted', async () => {
    const { versionId } = await youthTaxonomy(app, { published: true });
    await setState(versionId, 'F', 'inactive-shown');
    await markUsed(versionId, 'Y-1');
    const version = await app.request<VersionAnswer>('GET', `/taxonomy-versions/${versionId}`, {
      user: CASE_WORKER,
    });
    expect(version.body).toMatchObject({
      pendingDrafts: 0,
      termsByDisplayState: { active: 2, used: 1, 'inactive-shown': 1, 'inactive-hidden': 0 },
    });
    await publish(app, versionId);
  });
});
