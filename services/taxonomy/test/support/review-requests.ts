import { airsCodePlace } from '../../src/airs/airs-code.js';
import type { TaxonomyFileTerm } from '../../src/airs/taxonomy-file.js';
import type { Reply, TaxonomyApp } from './taxonomy-app.js';
import { ADMIN, expectStatus } from './users.js';

/** One row of `GET /taxonomy-versions/{id}/changes` (TAX-5). */
export interface ChangeRow {
  code: string;
  change: 'added' | 'modified' | 'replaced' | 'deleted';
  changedElements: string[];
  replacedBy: string | null;
  needsReview: boolean;
  oldName: string | null;
  newName: string | null;
  decision: 'accepted' | 'rejected' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  indexCount: number | null;
}

/** A hand-made term for update-import tests: its level and parent follow from its AIRS code. */
export function term(
  code: string,
  name: string,
  extra: Partial<TaxonomyFileTerm> = {},
): TaxonomyFileTerm {
  const place = airsCodePlace(code);
  if (!place) throw new Error(`not an AIRS code: ${code}`);
  return {
    code,
    ...place,
    name,
    definition: `${name}: programs of this kind.`,
    facet: 'Service',
    useReferences: [],
    seeAlso: [],
    relatedConcepts: [],
    replaces: [],
    ...extra,
  };
}

export async function changesOf(
  app: TaxonomyApp,
  versionId: string,
  filter = '',
  user = ADMIN,
): Promise<Reply<{ items: ChangeRow[]; total: number }>> {
  return app.request('GET', `/taxonomy-versions/${versionId}/changes?limit=200${filter}`, { user });
}

export function decide(
  app: TaxonomyApp,
  versionId: string,
  code: string,
  decision: 'accept' | 'reject',
  user = ADMIN,
  comment?: string,
): Promise<Reply<ChangeRow>> {
  return app.request('POST', `/taxonomy-versions/${versionId}/review/${code}/${decision}`, {
    user,
    body: comment === undefined ? {} : { comment },
  });
}

/** TAX-2: publishes an editing version through the API (the taxonomies area's endpoint). */
export async function publish(app: TaxonomyApp, versionId: string): Promise<void> {
  const reply = await app.request('POST', `/taxonomy-versions/${versionId}/publish`, {
    user: ADMIN,
    body: {},
  });
  if (reply.status !== 200 && reply.status !== 201) {
    expectStatus(reply, 200, `POST /taxonomy-versions/${versionId}/publish`);
  }
}

export async function versionStatus(app: TaxonomyApp, versionId: string): Promise<string> {
  const [row] = await app.query<{ status: string }>(
    'select status from taxonomy_version where version_id = $1',
    [versionId],
  );
  return row?.status ?? 'missing';
}

/** The version's terms (code → default-language name), as search and indexing will read them. */
export async function termNames(
  app: TaxonomyApp,
  versionId: string,
): Promise<Record<string, string>> {
  const rows = await app.query<{ code: string; name: string }>(
    `select t.code, x.name from term t join term_text x using (version_id, code)
      where t.version_id = $1 and x.language = 'en' order by t.code`,
    [versionId],
  );
  return Object.fromEntries(rows.map((row) => [row.code, row.name]));
}
