import { airsCodePlace } from './airs-code.js';
import type { TaxonomyFileTerm } from './taxonomy-file.js';
import type { FailReading } from './taxonomy-file-error.js';
import { XML } from './taxonomy-xml-names.js';

/** Text as people read it: runs of white space (line breaks of a hand-made file) are one space. */
const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

interface OpenTerm {
  code: string;
  levelAttribute: number | null;
  /** undefined: no `parent` attribute (the code grammar places the term); null: `parent=""`, top. */
  parentAttribute: string | null | undefined;
  line: number;
  column: number;
  name: string | null;
  definition: string | null;
  facet: string | null;
  useReferences: string[];
  seeAlso: string[];
  relatedConcepts: { code: string; name: string | null }[];
  replaces: string[];
}

/**
 * TAX-1: builds one term at a time from the parser's events and checks it: a code, once per file;
 * a name; a level and parent that agree with the AIRS code grammar unless the file names the
 * parent itself (custom taxonomies, TAX-7). Remembers each code's level only, to refuse
 * duplicates and to place custom terms under parents read before them.
 */
export class TermBuilder {
  private readonly levels = new Map<string, number>();
  private term: OpenTerm | null = null;
  private element: { name: string; code: string | null } | null = null;
  private textBuffer = '';

  get currentCode(): string | null {
    return this.term?.code ?? null;
  }

  open(attributes: Record<string, string>, line: number, column: number, fail: FailReading): void {
    const names = XML.termAttributes;
    const code = attributes[names.code]?.trim() ?? '';
    if (!code) fail(names.code, `a <${XML.term}> element needs a ${names.code} attribute`);
    const level = attributes[names.level]?.trim();
    const parent = attributes[names.parent]?.trim();
    this.term = {
      code,
      levelAttribute: level ? Number(level) : null,
      parentAttribute: parent === undefined ? undefined : parent || null,
      line,
      column,
      name: null,
      definition: null,
      facet: null,
      useReferences: [],
      seeAlso: [],
      relatedConcepts: [],
      replaces: [],
    };
    if (this.levels.has(code)) fail(names.code, `code ${code} appears twice in the file`);
    if (level && !/^\d+$/.test(level)) fail(names.level, `level ${level} is not a number`);
  }

  openElement(name: string, attributes: Record<string, string>, fail: FailReading): void {
    const referencing = [XML.seeAlso, XML.relatedConcept, XML.replaces] as string[];
    const code = attributes[XML.codeAttribute]?.trim() ?? null;
    if (referencing.includes(name) && !code) {
      fail(name, `<${name}> needs a ${XML.codeAttribute} attribute`);
    }
    this.element = { name, code };
    this.textBuffer = '';
  }

  text(text: string): void {
    if (this.element) this.textBuffer += text;
  }

  closeElement(fail: FailReading): void {
    const term = this.term;
    const element = this.element;
    if (!term || !element) return;
    const text = normalised(this.textBuffer);
    this.element = null;
    switch (element.name) {
      case XML.name:
        if (term.name !== null) fail(XML.name, 'a term has one name');
        term.name = text;
        break;
      case XML.definition:
        term.definition = text || null;
        break;
      case XML.facet:
        term.facet = text || null;
        break;
      case XML.useReference:
        if (text) term.useReferences.push(text);
        break;
      case XML.seeAlso:
        term.seeAlso.push(element.code as string);
        break;
      case XML.relatedConcept:
        term.relatedConcepts.push({ code: element.code as string, name: text || null });
        break;
      case XML.replaces:
        term.replaces.push(element.code as string);
        break;
      default:
      // Elements this service does not read (a later schema revision's additions) are skipped.
    }
  }

  close(fail: FailReading): TaxonomyFileTerm {
    const term = this.term as OpenTerm;
    const at = (field: string, reason: string): never =>
      fail(field, reason, term.line, term.column);
    if (!term.name) at(XML.name, `term ${term.code} has no name`);
    const { level, parentCode } = this.place(term, at);
    this.levels.set(term.code, level);
    this.term = null;
    return {
      code: term.code,
      level,
      parentCode,
      name: term.name as string,
      definition: term.definition,
      facet: term.facet,
      useReferences: term.useReferences,
      seeAlso: term.seeAlso,
      relatedConcepts: term.relatedConcepts,
      replaces: term.replaces,
    };
  }

  /** The term's level and parent: the code grammar's, or the file's own `parent` (which wins). */
  private place(term: OpenTerm, at: (field: string, reason: string) => never) {
    const names = XML.termAttributes;
    const grammar = airsCodePlace(term.code);
    if (term.parentAttribute === undefined) {
      if (!grammar) {
        at(names.parent, `code ${term.code} is not an AIRS code; name its ${names.parent}`);
      }
      const { level, parentCode } = grammar as NonNullable<typeof grammar>;
      if (term.levelAttribute !== null && term.levelAttribute !== level) {
        at(
          names.level,
          `level ${term.levelAttribute} disagrees with code ${term.code} (level ${level})`,
        );
      }
      return { level, parentCode };
    }
    if (term.parentAttribute === null) {
      if (term.levelAttribute !== null && term.levelAttribute !== 1) {
        at(names.level, `level ${term.levelAttribute} of a term without a parent must be 1`);
      }
      return { level: 1, parentCode: null };
    }
    const parentLevel = this.levels.get(term.parentAttribute);
    const level =
      term.levelAttribute ?? grammar?.level ?? (parentLevel === undefined ? null : parentLevel + 1);
    if (level === null) {
      at(
        names.level,
        `term ${term.code} needs a ${names.level} (its parent comes later in the file)`,
      );
    }
    if ((level as number) < 2 || (level as number) > 12) {
      at(names.level, `level ${level} of a term with a parent must be between 2 and 12`);
    }
    if (parentLevel !== undefined && parentLevel + 1 !== level) {
      at(
        names.level,
        `level ${level} disagrees with parent ${term.parentAttribute} (level ${parentLevel})`,
      );
    }
    return { level: level as number, parentCode: term.parentAttribute };
  }
}
