/**
 * An ILIKE pattern matching values that contain `text` (SVC-1: "children" finds every product with
 * "children" in its name). LIKE wildcards typed by the user are escaped, so "100%" means the
 * characters 100%, not "starts with 100".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
