import { randomUUID } from 'node:crypto';
import type { TaxonomyApp } from './taxonomy-app.js';
import { ADMIN, CASE_WORKER, expectStatus, type Problem } from './users.js';

/** The answers of the taxonomy and term endpoints the suites read (TAX-2…TAX-7). */
export interface VersionAnswer {
  versionId: string;
  taxonomyId: string;
  versionLabel: string;
  status: string;
  basedOnVersionId: string | null;
  termCount: number;
  termsByDisplayState: Record<string, number>;
  pendingDrafts: number;
  supersededVersionId?: string | null;
  appliedDrafts?: number;
}

export interface TaxonomyAnswer {
  taxonomyId: string;
  name: string;
  kind: string;
  defaultLanguage: string;
  country: string;
  publishedVersionId: string | null;
  versions: VersionAnswer[];
}

export interface TermText {
  language: string;
  name: string;
  definition: string | null;
  useReferences: string[];
}

export interface TermAnswer {
  code: string;
  parentCode: string | null;
  level: number | null;
  displayState: string | null;
  custom: boolean;
  language: string;
  name: string;
  definition: string | null;
  useReferences: string[];
  childCount: number;
  inVersion?: boolean;
  texts?: TermText[];
  seeAlso?: { code: string; name: string | null }[];
  relatedConcepts?: { code: string; name: string | null }[];
  draft: null | string | { action: string; texts: TermText[]; parentCode: string | null };
}

export interface TermPage {
  items: TermAnswer[];
  total: number;
}

/** TAX-7: a custom taxonomy with its first (editing) version, created by the administrator. */
export async function customTaxonomy(
  app: TaxonomyApp,
  overrides: Partial<{
    name: string;
    language: string;
    country: string;
    versionLabel: string;
  }> = {},
): Promise<{ taxonomyId: string; versionId: string }> {
  const body = {
    name: `Harbor Youth Services ${randomUUID().slice(0, 8)}`,
    language: 'en',
    country: 'US',
    versionLabel: '1.0',
    ...overrides,
  };
  const created = expectStatus(
    await app.request<TaxonomyAnswer>('POST', '/taxonomies', { user: ADMIN, body }),
    201,
    'creating a custom taxonomy',
  );
  const [version] = created.versions;
  if (!version) throw new Error('a new taxonomy has no version');
  return { taxonomyId: created.taxonomyId, versionId: version.versionId };
}

export const termsPath = (versionId: string, code = '') =>
  `/taxonomy-versions/${versionId}/terms${code ? `/${code}` : ''}`;

/** TAX-4: adds a custom term as the administrator, failing the test when refused. */
export async function addTerm(
  app: TaxonomyApp,
  versionId: string,
  body: { code: string; parentCode?: string | null; name: string } & Record<string, unknown>,
): Promise<TermAnswer> {
  return expectStatus(
    await app.request<TermAnswer>('POST', termsPath(versionId), { user: ADMIN, body }),
    201,
    `adding term ${body.code}`,
  );
}

/** TAX-2/TAX-4: publishes (or republishes) the version as the administrator. */
export async function publish(app: TaxonomyApp, versionId: string): Promise<VersionAnswer> {
  return expectStatus(
    await app.request<VersionAnswer>('POST', `/taxonomy-versions/${versionId}/publish`, {
      user: ADMIN,
    }),
    200,
    'publishing',
  );
}

/**
 * A small custom hierarchy: Youth (Y) > Mentoring (Y-1) > Girls Mentoring (Y-1.1), and
 * Food (F) — enough for parents, children, moves and deletions.
 */
export async function youthTaxonomy(
  app: TaxonomyApp,
  options: { published?: boolean } = {},
): Promise<{ taxonomyId: string; versionId: string }> {
  const taxonomy = await customTaxonomy(app);
  await addTerm(app, taxonomy.versionId, { code: 'Y', name: 'Youth', definition: 'Young people.' });
  await addTerm(app, taxonomy.versionId, {
    code: 'Y-1',
    parentCode: 'Y',
    name: 'Mentoring',
    useReferences: ['Coaching'],
  });
  await addTerm(app, taxonomy.versionId, {
    code: 'Y-1.1',
    parentCode: 'Y-1',
    name: 'Girls Mentoring',
  });
  await addTerm(app, taxonomy.versionId, { code: 'F', name: 'Food' });
  if (options.published) await publish(app, taxonomy.versionId);
  return taxonomy;
}

/**
 * The term reads and changes the term suites make: reads as a case worker (any reader), changes
 * as the administrator. `app` is read on each call, as suites start their app in beforeAll.
 */
export function termRequests(app: () => TaxonomyApp) {
  return {
    async term(versionId: string, code: string, query = ''): Promise<TermAnswer> {
      return expectStatus(
        await app().request<TermAnswer>('GET', `${termsPath(versionId, code)}${query}`, {
          user: CASE_WORKER,
        }),
        200,
        `reading term ${code}`,
      );
    },
    async terms(versionId: string, query = ''): Promise<TermPage> {
      return expectStatus(
        await app().request<TermPage>('GET', `${termsPath(versionId)}${query}`, {
          user: CASE_WORKER,
        }),
        200,
        'listing terms',
      );
    },
    change(method: 'PATCH' | 'DELETE' | 'PUT', path: string, body?: unknown) {
      return app().request<TermAnswer & Problem>(method, path, { user: ADMIN, body });
    },
  };
}
