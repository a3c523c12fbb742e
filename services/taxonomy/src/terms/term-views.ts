import type { DisplayState } from './display-states.js';
import type { TermText } from './term-content.js';

/** A term in lists: its text in the language asked for (or the fallback), `language` says which. */
export interface TermListItem {
  code: string;
  parentCode: string | null;
  level: number;
  facet: string | null;
  displayState: DisplayState;
  custom: boolean;
  language: string;
  name: string;
  definition: string | null;
  useReferences: string[];
  childCount: number;
  /** TAX-4: the kind of the term's pending draft on the published version, if any. */
  draft: 'added' | 'modified' | 'deleted' | null;
}

export interface TermDraftView {
  action: 'added' | 'modified' | 'deleted';
  parentCode: string | null;
  facet: string | null;
  texts: TermText[];
  updatedAt: string;
  updatedBy: string;
}

/**
 * One term: the version's values (TAX-4: the published ones until republished) with every
 * language's text (TAX-6), its references, and its pending draft alongside. A term only drafted
 * for addition is shown from its draft with `inVersion` false, no level and no display state yet.
 */
export interface TermDetailView extends Omit<TermListItem, 'draft' | 'level' | 'displayState'> {
  versionId: string;
  inVersion: boolean;
  level: number | null;
  displayState: DisplayState | null;
  texts: TermText[];
  seeAlso: { code: string; name: string | null }[];
  relatedConcepts: { code: string; name: string | null }[];
  draft: TermDraftView | null;
}
