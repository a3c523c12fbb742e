import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A minimal flowing layout over pdf-lib: text is written top to bottom, wrapped to the page width,
 * and continues on a new page when the current one is full. It knows nothing about contracts.
 */
export interface LayoutFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface Column {
  header: string;
  /** Share of the text width (the shares of a table add up to 1). */
  share: number;
}

const MARGIN = 56;
const BODY_SIZE = 10;
const LINE_GAP = 1.35;
const CELL_PADDING = 6;
/** Room above a signature rule for a hand-written line. */
const SIGNATURE_GAP = 30;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.4, 0.4, 0.4);

/** Simple replacements for common characters the standard fonts' WinAnsi encoding lacks. */
const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2032': "'",
  '\u2033': '"',
  '\u201b': "'",
  '\u201f': '"',
  '\u2026': '...',
};

/**
 * The standard PDF fonts encode only WinAnsi (Latin-1 plus a few typographic marks); pdf-lib
 * throws on anything else. A contract names people and places, so rather than refuse a name we
 * keep every character the font has, fall back to the unaccented letter ("ő" → "o"), and mark
 * what remains with "?". Control characters (tabs, line breaks) become spaces.
 */
export function winAnsiSafe(text: string, font: PDFFont): string {
  const known = characterSet(font);
  let safe = '';
  for (const char of text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')) {
    if (known.has(char.codePointAt(0) ?? 0)) safe += char;
    else safe += REPLACEMENTS[char] ?? fallback(char, known);
  }
  return safe;
}

function fallback(char: string, known: Set<number>): string {
  const base = [...char.normalize('NFKD')].filter((part) => known.has(part.codePointAt(0) ?? 0));
  return base.length > 0 ? base.join('') : '?';
}

const characterSets = new WeakMap<PDFFont, Set<number>>();
function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** Breaks `text` into lines no wider than `width`; a word wider than a line is split. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const char of word) {
      if (line !== '' && font.widthOfTextAtSize(line + char, size) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

export class FlowingPage {
  private page!: PDFPage;
  private y = 0;
  private readonly width: number;

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: LayoutFonts,
  ) {
    this.width = PageSizes.A4[0] - 2 * MARGIN;
    this.newPage();
  }

  title(text: string): void {
    this.paragraph(text, { size: 18, bold: true });
    this.space(4);
  }

  heading(text: string): void {
    // Keep a heading with at least two lines of what follows it.
    this.ensureRoom(lineHeight(12) + 2 * lineHeight(BODY_SIZE) + 10);
    this.space(10);
    this.paragraph(text, { size: 12, bold: true });
    this.space(2);
  }

  paragraph(
    text: string,
    options: { size?: number; bold?: boolean; indent?: number; grey?: boolean } = {},
  ): void {
    const size = options.size ?? BODY_SIZE;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    for (const line of wrapText(winAnsiSafe(text, font), font, size, this.width - indent)) {
      this.ensureRoom(lineHeight(size));
      this.y -= lineHeight(size);
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y + (lineHeight(size) - size),
        size,
        font,
        color: options.grey ? GREY : BLACK,
      });
    }
  }

  /** A table whose header row is repeated on every page the table continues on. */
  table(columns: Column[], rows: string[][]): void {
    const header = this.measureRow(
      columns,
      columns.map((column) => column.header),
      true,
    );
    const first = rows[0] ? this.measureRow(columns, rows[0], false) : undefined;
    this.ensureRoom(header.height + (first?.height ?? 0));
    this.drawRow(columns, header);
    for (const cells of rows) {
      const row = this.measureRow(columns, cells, false);
      if (!this.ensureRoom(row.height)) this.drawRow(columns, header);
      this.drawRow(columns, row);
    }
  }

  /**
   * A party's signing block: its name over a rule and caption for each entry (name, signature,
   * date), kept on one page so no one signs under a heading they cannot see.
   */
  signatureBlock(party: string, lines: { caption: string; widthShare: number }[]): void {
    const ruleHeight = SIGNATURE_GAP + lineHeight(9);
    this.ensureRoom(8 + lineHeight(BODY_SIZE) + lines.length * ruleHeight);
    this.space(8);
    this.paragraph(party, { bold: true });
    for (const { caption, widthShare } of lines) {
      this.y -= SIGNATURE_GAP;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + this.width * widthShare, y: this.y },
        thickness: 0.6,
        color: BLACK,
      });
      this.paragraph(caption, { size: 9, grey: true });
    }
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Writes "<label> · page n of m" at the foot of every page; call once all pages exist. */
  footers(label: string): void {
    const pages = this.document.getPages();
    pages.forEach((page, index) => {
      page.drawText(
        winAnsiSafe(`${label} - page ${index + 1} of ${pages.length}`, this.fonts.regular),
        {
          x: MARGIN,
          y: MARGIN / 2,
          size: 8,
          font: this.fonts.regular,
          color: GREY,
        },
      );
    });
  }

  private measureRow(columns: Column[], cells: string[], header: boolean): MeasuredRow {
    const font = header ? this.fonts.bold : this.fonts.regular;
    const lines = columns.map((column, index) =>
      wrapText(
        winAnsiSafe(cells[index] ?? '', font),
        font,
        BODY_SIZE,
        this.width * column.share - 2 * CELL_PADDING,
      ),
    );
    const height = Math.max(...lines.map((cell) => cell.length)) * lineHeight(BODY_SIZE) + 4;
    return { lines, height, font, header };
  }

  private drawRow(columns: Column[], row: MeasuredRow): void {
    let x = MARGIN;
    columns.forEach((column, index) => {
      (row.lines[index] ?? []).forEach((line, lineIndex) => {
        this.page.drawText(line, {
          x: x + CELL_PADDING,
          y: this.y - (lineIndex + 1) * lineHeight(BODY_SIZE) + (lineHeight(BODY_SIZE) - BODY_SIZE),
          size: BODY_SIZE,
          font: row.font,
          color: BLACK,
        });
      });
      x += this.width * column.share;
    });
    this.y -= row.height;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + this.width, y: this.y },
      thickness: row.header ? 0.8 : 0.3,
      color: row.header ? BLACK : GREY,
    });
  }

  /** Starts a new page unless `height` points still fit; false when it did. */
  private ensureRoom(height: number): boolean {
    if (this.y - height >= MARGIN) return true;
    this.newPage();
    return false;
  }

  private newPage(): void {
    this.page = this.document.addPage(PageSizes.A4);
    this.y = PageSizes.A4[1] - MARGIN;
  }
}

interface MeasuredRow {
  lines: string[][];
  height: number;
  font: PDFFont;
  header: boolean;
}

function lineHeight(size: number): number {
  return size * LINE_GAP;
}
