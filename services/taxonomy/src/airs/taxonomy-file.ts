/**
 * TAX-1: the AIRS/211 taxonomy file as this service reads and writes it (ADR 0021).
 *
 * The licensed 211 LA County file (now the 211 Human Services Indexing System) is XML: one record
 * per term with its code, name, definition, facet, use references (synonyms), see-also references
 * and related concepts, under a root that carries the release date numbering the version. The
 * element names below are this service's reading of that published structure; they live only in
 * `taxonomy-xml-names.ts`, so adapting to a subscriber's schema revision changes one file.
 *
 * ```xml
 * <taxonomy name="211 LA County Taxonomy of Human Services" country="US" language="en"
 *           releaseDate="2026-07-01">
 *   <term code="PH-1400.5000-500" level="5">
 *     <name>Youth Mentoring</name>
 *     <definition>Programs that match young people with adult volunteers …</definition>
 *     <facet>Service</facet>
 *     <useReference>Big Brothers/Big Sisters</useReference>
 *     <seeAlso code="PH-1400.5000"/>
 *     <relatedConcept code="YK-0300">At Risk Youth</relatedConcept>
 *     <replaces code="PH-1400.5000-450"/>
 *   </term>
 * </taxonomy>
 * ```
 *
 * The parent of a term follows from its code (B → BD → BD-1800 → BD-1800.2000 →
 * BD-1800.2000-620 → BD-1800.2000-620.05: ten top categories, up to six levels); a `parent`
 * attribute, when present, wins (custom files whose codes have no such grammar).
 */
export interface TaxonomyFileHeader {
  name: string;
  /** ISO 3166 country, e.g. US or CA (211 LA County publishes a US and a Canadian edition). */
  country: string;
  /** BCP 47 language of the names and definitions, e.g. en or fr (TAX-6). */
  language: string;
  /** YYYY-MM-DD: numbers the version the import creates (TAX-1). */
  releaseDate: string;
}

export interface TaxonomyFileTerm {
  code: string;
  level: number;
  /** null: a top-level category. */
  parentCode: string | null;
  name: string;
  definition: string | null;
  facet: string | null;
  /** Synonyms a user may search by (TAX-1, TAX-9). */
  useReferences: string[];
  /** Codes of related terms that may help find alternative providers. */
  seeAlso: string[];
  /** Concepts grouping similar terms (target groups, problems/needs). */
  relatedConcepts: { code: string; name: string | null }[];
  /** TAX-5: codes of earlier releases' terms this term replaces. */
  replaces: string[];
}
