import { airsCodePlace } from './airs-code.js';
import type { TaxonomyFileHeader, TaxonomyFileTerm } from './taxonomy-file.js';
import { XML } from './taxonomy-xml-names.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function element(name: string, text: string | null, attributes: Record<string, string> = {}) {
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return text === null
    ? `<${name}${attributeText}/>`
    : `<${name}${attributeText}>${escapeXml(text)}</${name}>`;
}

function termXml(term: TaxonomyFileTerm): string {
  const code = XML.codeAttribute;
  const parts = [
    element(XML.name, term.name),
    term.definition === null ? '' : element(XML.definition, term.definition),
    term.facet === null ? '' : element(XML.facet, term.facet),
    ...term.useReferences.map((reference) => element(XML.useReference, reference)),
    ...term.seeAlso.map((target) => element(XML.seeAlso, null, { [code]: target })),
    ...term.relatedConcepts.map((concept) =>
      element(XML.relatedConcept, concept.name ?? '', { [code]: concept.code }),
    ),
    ...term.replaces.map((replaced) => element(XML.replaces, null, { [code]: replaced })),
  ].filter((part) => part !== '');
  const names = XML.termAttributes;
  // TAX-7: a parent the code grammar does not give (custom codes) is written out; "" is the top.
  const grammarParent = airsCodePlace(term.code)?.parentCode;
  const parent =
    grammarParent === term.parentCode
      ? ''
      : ` ${names.parent}="${escapeXml(term.parentCode ?? '')}"`;
  const attributes = `${names.code}="${escapeXml(term.code)}" ${names.level}="${term.level}"${parent}`;
  return `  <${XML.term} ${attributes}>\n    ${parts.join('\n    ')}\n  </${XML.term}>\n`;
}

/**
 * TAX-1: writes a taxonomy file (synthetic fixtures, benchmarks, tests of update imports) one
 * term at a time, so a 9,200-term file is never one string in memory unless the caller joins it.
 */
export function* taxonomyXmlChunks(
  header: TaxonomyFileHeader,
  terms: Iterable<TaxonomyFileTerm>,
): Generator<string> {
  const root = XML.rootAttributes;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    `<${XML.root} ${root.name}="${escapeXml(header.name)}" ${root.country}="${escapeXml(header.country)}" ` +
    `${root.language}="${escapeXml(header.language)}" ${root.releaseDate}="${escapeXml(header.releaseDate)}">\n`
  );
  for (const term of terms) yield termXml(term);
  yield `</${XML.root}>\n`;
}

/** The whole file as one string: for small hand-made fixtures and tests. */
export function taxonomyXml(header: TaxonomyFileHeader, terms: Iterable<TaxonomyFileTerm>): string {
  return [...taxonomyXmlChunks(header, terms)].join('');
}
