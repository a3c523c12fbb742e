import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { TaxonomyFileHeader, TaxonomyFileTerm } from './taxonomy-file.js';
import { TaxonomyFileError, type FailReading } from './taxonomy-file-error.js';
import { readHeader } from './taxonomy-xml-header.js';
import { TermBuilder } from './taxonomy-xml-term.js';
import { XML } from './taxonomy-xml-names.js';

export type TaxonomyXmlItem =
  { kind: 'header'; header: TaxonomyFileHeader } | { kind: 'term'; term: TaxonomyFileTerm };

/** saxes prefixes its messages with "line:column: "; the error carries those separately. */
const withoutPosition = (message: string) => message.replace(/^\d+:\d+: /, '');

/**
 * TAX-1: reads a taxonomy file as it arrives: the header first, then each term as soon as its
 * closing tag is read. Only the chunk being parsed and the terms it completed are in memory (plus
 * the codes seen, to refuse duplicates), so a 9,200-term file costs what one chunk costs and the
 * caller's pace (e.g. batched inserts) sets the reading pace. External entities are never
 * resolved (saxes does not fetch DTDs). Anything wrong throws a TaxonomyFileError with the line,
 * column, term code and field.
 */
export async function* readTaxonomyXml(
  source: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<TaxonomyXmlItem> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const ready: TaxonomyXmlItem[] = [];
  const terms = new TermBuilder();
  let depth = 0;
  let sawRoot = false;
  const fail: FailReading = (field, reason, line = parser.line, column = parser.column + 1) => {
    throw new TaxonomyFileError(field, reason, line, column, terms.currentCode);
  };
  parser.on('error', (error) => fail('xml', withoutPosition(error.message)));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    if (depth === 1) {
      if (tag.name !== XML.root) fail('xml', `the root element must be <${XML.root}>`);
      sawRoot = true;
      ready.push({ kind: 'header', header: readHeader(tag.attributes, fail) });
    } else if (depth === 2 && tag.name === XML.term) {
      terms.open(tag.attributes, parser.line, parser.column + 1, fail);
    } else if (depth === 3) {
      terms.openElement(tag.name, tag.attributes, fail);
    }
  });
  parser.on('text', (text) => {
    if (depth === 3) terms.text(text);
  });
  parser.on('cdata', (text) => {
    if (depth === 3) terms.text(text);
  });
  parser.on('closetag', (tag) => {
    if (depth === 3) terms.closeElement(fail);
    else if (depth === 2 && tag.name === XML.term) {
      ready.push({ kind: 'term', term: terms.close(fail) });
    }
    depth -= 1;
  });

  const decode = (chunk: string | Uint8Array, stream: boolean) => {
    try {
      return typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream });
    } catch {
      return fail('xml', 'the file is not valid UTF-8');
    }
  };
  for await (const chunk of source) {
    parser.write(decode(chunk, true));
    yield* ready.splice(0);
  }
  parser.write(decode(new Uint8Array(), false));
  parser.close();
  yield* ready.splice(0);
  if (!sawRoot) fail('xml', `no <${XML.root}> element`);
}

export interface TaxonomyFileReading {
  header: TaxonomyFileHeader;
  /** The file's terms, in file order; iterate once. */
  terms: AsyncIterable<TaxonomyFileTerm>;
}

/**
 * TAX-1: reads a taxonomy file's header (the first chunks up to the root element) and hands back
 * its terms still to be read, e.g. `for await (const batch of inBatches(file.terms, 500))`.
 */
export async function openTaxonomyFile(
  source: AsyncIterable<string | Uint8Array>,
): Promise<TaxonomyFileReading> {
  const items = readTaxonomyXml(source);
  const first = await items.next();
  if (first.done || first.value.kind !== 'header') {
    throw new TaxonomyFileError('xml', `no <${XML.root}> element`, 1, 1, null);
  }
  async function* terms(): AsyncGenerator<TaxonomyFileTerm> {
    for await (const item of items) if (item.kind === 'term') yield item.term;
  }
  return { header: first.value.header, terms: terms() };
}

/** Groups an async sequence in arrays of at most `size`, e.g. for multi-row inserts. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
