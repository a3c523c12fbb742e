/**
 * CRD-7 / WF-1: the home study's status machine. Pure: the service and the approval activities
 * apply it inside a transaction and record every move in the status history; tests prove every
 * legal and illegal move.
 *
 *   in-progress ─submit(recommendation)→ submitted ─approve→ approved          (final)
 *                                        submitted ─reject(failure reason)→ rejected (final)
 *                                        submitted ─return(comments)→ returned ─submit→ submitted …
 *
 * A returned home study goes back to the resource manager, who revises it (more assessments,
 * visits …) and submits it again, as often as needed. Approved and rejected home studies are
 * final: the next one — the periodic re-study after an approval — is a new home study linked to
 * the previous one.
 */
export const HOME_STUDY_STATUSES = [
  'in-progress',
  'submitted',
  'approved',
  'rejected',
  'returned',
] as const;
export type HomeStudyStatus = (typeof HOME_STUDY_STATUSES)[number];

export const HOME_STUDY_ACTIONS = ['submit', 'approve', 'reject', 'return'] as const;
export type HomeStudyAction = (typeof HOME_STUDY_ACTIONS)[number];

/** The supervisor's actions (WF-1); `submit` is the resource manager's. */
export const HOME_STUDY_DECISIONS = ['approve', 'reject', 'return'] as const;
export type HomeStudyDecision = (typeof HOME_STUDY_DECISIONS)[number];

interface Move {
  from: readonly HomeStudyStatus[];
  to: HomeStudyStatus;
  /** What the reason is called for this move, when one is required. */
  reason: string | null;
}

const MOVES: Record<HomeStudyAction, Move> = {
  submit: { from: ['in-progress', 'returned'], to: 'submitted', reason: null },
  approve: { from: ['submitted'], to: 'approved', reason: null },
  // CRD-7: a failure on non-compliance records why
  reject: { from: ['submitted'], to: 'rejected', reason: 'a failure reason' },
  // WF-1: returned for further review, with the supervisor's comments
  return: { from: ['submitted'], to: 'returned', reason: 'review comments' },
};

export type HomeStudyMove =
  | { ok: true; from: HomeStudyStatus; to: HomeStudyStatus }
  | { ok: false; field: 'reason' | 'status'; message: string };

/** CRD-7: the status `action` moves a home study in `current` to, or why it cannot. */
export function applyHomeStudyAction(
  current: HomeStudyStatus,
  action: HomeStudyAction,
  reason: string | null | undefined,
): HomeStudyMove {
  const move = MOVES[action];
  if (!move.from.includes(current)) {
    return { ok: false, field: 'status', message: refusal(current, action, move) };
  }
  if (move.reason && !reason?.trim()) {
    return {
      ok: false,
      field: 'reason',
      message: `${capitalised(PARTICIPLES[action])} a home study needs ${move.reason}`,
    };
  }
  return { ok: true, from: current, to: move.to };
}

/** CRD-7: approved and rejected home studies never change status again. */
export function isFinal(status: HomeStudyStatus): boolean {
  return status === 'approved' || status === 'rejected';
}

/**
 * CRD-7: assessments and visits are recorded while the resource manager works on the home study —
 * in progress, or returned for further review — not while the supervisor is deciding on it, and
 * not once it is decided.
 */
export function isEditable(status: HomeStudyStatus): boolean {
  return status === 'in-progress' || status === 'returned';
}

/** The actions open to a home study in `status`, shown so people see what they can do. */
export function availableHomeStudyActions(status: HomeStudyStatus): HomeStudyAction[] {
  return HOME_STUDY_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

const PARTICIPLES: Record<HomeStudyAction, string> = {
  submit: 'submitting',
  approve: 'approving',
  reject: 'rejecting',
  return: 'returning',
};

const PAST: Record<HomeStudyAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};

function refusal(current: HomeStudyStatus, action: HomeStudyAction, move: Move): string {
  const why = isFinal(current)
    ? 'approved and rejected home studies are final; a later one is a new home study (a re-study)'
    : current === 'submitted'
      ? 'it is awaiting the supervisor’s decision'
      : `only ${article(move.from.join(' or '))} home study can be ${PAST[action]}`;
  return `${capitalised(article(current))} home study cannot be ${PAST[action]}: ${why}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
