/**
 * CTR-3: the contract lifecycle as an explicit state machine. Pure: the contract service (issue 5)
 * and the publish–sign–activate process (WF-3) apply it inside a transaction; tests prove each move.
 *
 *   (create) → editing ─issue→ issued ─activate (signed)→ active
 *   issued ─re-issue(reason)→ issued              (terms changed before signing; the old document is void)
 *   editing | issued ─cancel→ cancelled            (final)
 *   active ─terminate(date, reason)→ terminated    (final; only active contracts, CTR-7)
 *   active ─supersede→ amended                      (final; its amendment's version activated, CTR-5)
 *
 * Terms may change while editing, and while issued only together with a re-issue.
 */
export const CONTRACT_STATUSES = [
  'editing',
  'issued',
  'active',
  'terminated',
  'amended',
  'cancelled',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_ACTIONS = [
  'issue',
  'reissue',
  'activate',
  'cancel',
  'terminate',
  'supersede',
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

interface Move {
  from: readonly ContractStatus[];
  to: ContractStatus;
  reasonRequired: boolean;
  pastTense: string;
}

const MOVES: Record<ContractAction, Move> = {
  issue: { from: ['editing'], to: 'issued', reasonRequired: false, pastTense: 'issued' },
  reissue: { from: ['issued'], to: 'issued', reasonRequired: true, pastTense: 're-issued' },
  activate: { from: ['issued'], to: 'active', reasonRequired: false, pastTense: 'activated' },
  cancel: {
    from: ['editing', 'issued'],
    to: 'cancelled',
    reasonRequired: false,
    pastTense: 'cancelled',
  },
  terminate: { from: ['active'], to: 'terminated', reasonRequired: true, pastTense: 'terminated' },
  supersede: { from: ['active'], to: 'amended', reasonRequired: false, pastTense: 'superseded' },
};

export type ContractMoveResult =
  | { ok: true; from: ContractStatus; to: ContractStatus }
  | { ok: false; field: 'status' | 'reason'; message: string };

/** CTR-3: whether `action` may move a contract in `current`, and where to. */
export function applyContractAction(
  current: ContractStatus,
  action: ContractAction,
  reason?: string | null,
): ContractMoveResult {
  const move = MOVES[action];
  if (!move.from.includes(current)) {
    return {
      ok: false,
      field: 'status',
      message: `CTR-3: ${current === 'issued' || current === 'active' ? 'an' : 'a'} ${current} contract cannot be ${move.pastTense}; allowed from ${move.from.join(', ')}`,
    };
  }
  if (move.reasonRequired && !reason?.trim()) {
    return {
      ok: false,
      field: 'reason',
      message: `CTR-3: a reason is required to ${action === 'reissue' ? 're-issue' : action} a contract`,
    };
  }
  return { ok: true, from: current, to: move.to };
}

/** The actions open to a contract in `status`, shown with it so users see what they can do. */
export function availableContractActions(status: ContractStatus): ContractAction[] {
  return CONTRACT_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/**
 * CTR-3: whether the terms may change in `status`: freely while editing; while issued only with a
 * re-issue (the provider must sign what it was sent); never once active (amend instead, CTR-5).
 */
export function termsChange(status: ContractStatus): 'free' | 'needs-reissue' | 'refused' {
  if (status === 'editing') return 'free';
  if (status === 'issued') return 'needs-reissue';
  return 'refused';
}
