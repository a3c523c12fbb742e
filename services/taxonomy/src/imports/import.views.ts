/** The 201 answer of an import (TAX-1 initial, TAX-5 update, TAX-6 translation). */
export interface ImportAnswer {
  importId: string;
  kind: 'initial' | 'update' | 'translation';
  taxonomyId: string;
  versionId: string;
  /** The version's status: editing, pending-user-review (TAX-5) or, for a translation, as it was. */
  status: string;
  /** Terms in the file. */
  termCount: number;
  changes: { added: number; modified: number; replaced: number; deleted: number; toReview: number };
  /**
   * TAX-6, translations only: codes of the file the version does not have (their texts are not
   * added) and terms of the version the file does not translate.
   */
  translation: { unknownCodes: number; untranslatedTerms: number } | null;
}

/** An import as recorded (GET /taxonomy-imports). */
export interface ImportView {
  importId: string;
  kind: 'initial' | 'update' | 'translation' | null;
  taxonomyId: string | null;
  versionId: string | null;
  versionStatus: string | null;
  taxonomyName: string;
  country: string;
  language: string;
  releaseDate: string;
  termCount: number;
  reviewBeforeImport: boolean;
  reviewElements: string[];
  bytes: number;
  parseMs: number;
  importedAt: string;
  importedBy: string;
}

export const IMPORT_COLUMNS = `
  i.import_id as "importId", i.kind, i.taxonomy_id as "taxonomyId", i.version_id as "versionId",
  v.status as "versionStatus", i.taxonomy_name as "taxonomyName", i.country, i.language,
  i.release_date::text as "releaseDate", i.term_count as "termCount",
  i.review_before_import as "reviewBeforeImport", i.review_elements as "reviewElements",
  i.bytes::float8 as bytes, i.parse_ms as "parseMs", i.imported_at as "importedAt",
  i.imported_by as "importedBy"`;

export const IMPORT_FROM = 'taxonomy_import i left join taxonomy_version v using (version_id)';
