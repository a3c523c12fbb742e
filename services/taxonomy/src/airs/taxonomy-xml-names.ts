/**
 * The element and attribute names of the AIRS/211 taxonomy XML (see taxonomy-file.ts). The parser
 * and the writer both read them from here: one place to change for a schema revision.
 */
export const XML = {
  root: 'taxonomy',
  rootAttributes: {
    name: 'name',
    country: 'country',
    language: 'language',
    releaseDate: 'releaseDate',
  },
  term: 'term',
  termAttributes: { code: 'code', level: 'level', parent: 'parent' },
  name: 'name',
  definition: 'definition',
  facet: 'facet',
  useReference: 'useReference',
  seeAlso: 'seeAlso',
  relatedConcept: 'relatedConcept',
  replaces: 'replaces',
  /** The `code` attribute of seeAlso, relatedConcept and replaces. */
  codeAttribute: 'code',
} as const;
