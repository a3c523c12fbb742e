/**
 * TAX-1: why a taxonomy file cannot be imported, where: the line and column the parser had
 * reached, the term being read (null in the header) and the field at fault (`code`, `name`,
 * `level`, `releaseDate`, `xml` for a file that is not well-formed …). The import endpoint turns it
 * into a 422 problem naming TAX-1 and the field.
 */
export class TaxonomyFileError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly termCode: string | null,
  ) {
    super(
      `line ${line}, column ${column}${termCode === null ? '' : `, term ${termCode}`}: ${reason}`,
    );
    this.name = 'TaxonomyFileError';
  }
}

/** Throws a TaxonomyFileError for a field, at the parser's position unless told otherwise. */
export type FailReading = (field: string, reason: string, line?: number, column?: number) => never;
