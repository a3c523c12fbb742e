/**
 * Configured reminder offsets ("days before a date") as a process uses them: whole days ≥ 0,
 * furthest first, once each. Shared by the processes that remind before a date (WF-2, WF-3).
 */
export function normaliseOffsets(offsetsDays: readonly number[]): number[] {
  const valid = offsetsDays.filter((offset) => Number.isInteger(offset) && offset >= 0);
  return [...new Set(valid)].sort((a, b) => b - a);
}
