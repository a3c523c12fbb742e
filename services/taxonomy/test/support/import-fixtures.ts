import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  syntheticHeader,
  syntheticTerms,
  taxonomyXml,
  type SyntheticOptions,
} from '../../src/airs/index.js';
import type { Reply, TaxonomyApp } from './taxonomy-app.js';
import { ADMIN } from './users.js';

/** The 201 answer of `POST /taxonomy-imports` (TAX-1, TAX-5, TAX-6). */
export interface ImportAnswer {
  importId: string;
  kind: 'initial' | 'update' | 'translation';
  taxonomyId: string;
  versionId: string;
  status: string;
  termCount: number;
  changes: { added: number; modified: number; replaced: number; deleted: number; toReview: number };
  /** TAX-6, translations only: file codes the version lacks; version terms the file lacks. */
  translation: { unknownCodes: number; untranslatedTerms: number } | null;
}

export interface ImportOptions {
  /** Default: the administrator. */
  user?: string;
  reviewBeforeImport?: boolean;
  /** TAX-5: the elements whose change puts a modified term on the review list, e.g. ['name']. */
  reviewElements?: string[];
  /** Default: application/xml. */
  contentType?: string;
}

/**
 * Posts a taxonomy file to the import endpoint as an administrator's upload would be (TAX-1):
 * the XML as the request body. Returns the reply unchecked, so tests of refusals can use it too.
 */
export function importTaxonomy<T = ImportAnswer>(
  app: TaxonomyApp,
  xml: string | Uint8Array,
  options: ImportOptions = {},
): Promise<Reply<T>> {
  const query = new URLSearchParams();
  if (options.reviewBeforeImport !== undefined) {
    query.set('reviewBeforeImport', String(options.reviewBeforeImport));
  }
  if (options.reviewElements !== undefined) {
    query.set('reviewElements', options.reviewElements.join(','));
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return app.request<T>('POST', `/taxonomy-imports${search}`, {
    user: options.user ?? ADMIN,
    raw: { contentType: options.contentType ?? 'application/xml', data: xml },
  });
}

/** A file of services/taxonomy/fixtures, e.g. 'la-county-sample.en.xml' (31 terms, 2026-07-01). */
export function fixtureXml(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8');
}

/** The hand-made LA County sample's taxonomy and release (TAX-1, TAX-6). */
export const SAMPLE = {
  name: '211 LA County Taxonomy of Human Services',
  country: 'US',
  releaseDate: '2026-07-01',
  termCount: 31,
} as const;

/** A synthetic taxonomy file (default: 9,200 terms, seed 1, English, release 2026-07-01). */
export function syntheticXml(options: SyntheticOptions & { releaseDate?: string } = {}): string {
  const { releaseDate = '2026-07-01', ...generator } = options;
  return taxonomyXml(
    syntheticHeader(releaseDate, generator.language ?? 'en'),
    syntheticTerms(generator),
  );
}
