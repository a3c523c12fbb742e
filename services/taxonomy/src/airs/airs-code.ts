/**
 * TAX-1: the AIRS/211 code grammar. A code names its place in the hierarchy: a letter for one of
 * the ten top categories (B), a second letter (BD), then four digits (BD-1800), four more
 * (BD-1800.2000), three (BD-1800.2000-620) and two (BD-1800.2000-620.05): six levels, each code's
 * parent being the code without its last segment.
 */
const AIRS_CODE = /^([A-Z])([A-Z])?(?:-(\d{4})(?:\.(\d{4})(?:-(\d{3})(?:\.(\d{2}))?)?)?)?$/;

export interface AirsCodePlace {
  level: number;
  /** null: a top-level category. */
  parentCode: string | null;
}

/** The level and parent a code's grammar gives; null when the code does not follow the grammar. */
export function airsCodePlace(code: string): AirsCodePlace | null {
  const match = AIRS_CODE.exec(code);
  if (!match) return null;
  const segments = match.slice(1).filter((segment) => segment !== undefined);
  const level = segments.length;
  if (level === 1) return { level, parentCode: null };
  // The separator before the last segment: none between the two letters, '-' or '.' after.
  const cut = level === 2 ? 1 : code.length - (segments[level - 1] as string).length - 1;
  return { level, parentCode: code.slice(0, cut) };
}

/** The code of a child: a letter under null (top) or a top letter, else digits, e.g. ('BD', 1800) → BD-1800. */
export function airsChildCode(parentCode: string | null, letterOrNumber: string | number): string {
  if (parentCode === null) return String(letterOrNumber);
  const place = airsCodePlace(parentCode);
  if (!place) throw new Error(`not an AIRS code: ${parentCode}`);
  const widths = [0, 0, 4, 4, 3, 2];
  const separators = ['', '', '-', '.', '-', '.'];
  const level = place.level + 1;
  if (level === 2) return `${parentCode}${String(letterOrNumber)}`;
  if (level > 6) throw new Error(`AIRS codes have six levels; ${parentCode} has no children`);
  const digits = String(letterOrNumber).padStart(widths[level - 1] as number, '0');
  return `${parentCode}${separators[level - 1] as string}${digits}`;
}
