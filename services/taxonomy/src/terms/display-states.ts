import type { RuleIssue } from '@platform/http';

/**
 * TAX-3: a term's display state. `active` (usable, not indexed yet), `used` (set by the system
 * while at least one index uses the term), `inactive-shown` (not indexable, still shown to keep
 * the hierarchy), `inactive-hidden` (not indexable, not shown). The system's used/active
 * transitions driven by indexing are indexing/term-usage.ts.
 */
export const DISPLAY_STATES = ['active', 'used', 'inactive-shown', 'inactive-hidden'] as const;
export type DisplayState = (typeof DISPLAY_STATES)[number];

/** The states a person may choose; `used` is the system's (TAX-3). */
export const USER_DISPLAY_STATES = ['active', 'inactive-shown', 'inactive-hidden'] as const;
export type UserDisplayState = (typeof USER_DISPLAY_STATES)[number];

/** TAX-3: whether reads show the term to people who did not ask for hidden terms. */
export function isShown(state: DisplayState): boolean {
  return state !== 'inactive-hidden';
}

/**
 * TAX-3: the state a person's choice leads to, or why it is refused. `used` cannot be chosen
 * (422, `state`); a used term cannot be made inactive while it is indexed (409 — remove its
 * indexes first); an inactive term may be reactivated; choosing `active` for a used term keeps
 * it used, as the system owns that state.
 */
export function userDisplayStateChange(
  current: DisplayState,
  requested: DisplayState,
): { state: DisplayState } | { refused: RuleIssue; status: 409 | 422 } {
  if (requested === 'used') {
    return {
      refused: {
        rule: 'TAX-3',
        field: 'state',
        message: 'used is set by the system when a term is indexed; choose active or inactive',
      },
      status: 422,
    };
  }
  if (current === 'used') {
    if (requested === 'active') return { state: 'used' };
    return {
      refused: {
        rule: 'TAX-3',
        field: 'state',
        message: 'the term is used by indexes; remove them before making it inactive',
      },
      status: 409,
    };
  }
  return { state: requested };
}
