import { PROVIDER_LIFECYCLE_STATUSES } from '@platform/contracts';

/**
 * PRV-1: the provider lifecycle as an explicit state machine. Pure: the service applies it inside
 * a transaction and announces the result; tests prove every legal and illegal move.
 *
 *   enrolled ─approve→ approved ─suspend(reason)→ suspended ─reinstate→ approved
 *   enrolled ─reject(reason)→ rejected ─approve→ approved      (a rejected provider may later be approved)
 *   any but closed ─close(reason)→ closed ─reopen→ reopened ─approve|reject→ …  (reopened needs approval again)
 */
/** The statuses are the contracts' (events carry them), so the two can never drift apart. */
export const PROVIDER_STATUSES = PROVIDER_LIFECYCLE_STATUSES;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export const LIFECYCLE_ACTIONS = [
  'approve',
  'reject',
  'suspend',
  'reinstate',
  'close',
  'reopen',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

interface Move {
  from: readonly ProviderStatus[];
  to: ProviderStatus;
  reasonRequired: boolean;
}

const MOVES: Record<LifecycleAction, Move> = {
  approve: { from: ['enrolled', 'rejected', 'reopened'], to: 'approved', reasonRequired: false },
  reject: { from: ['enrolled', 'reopened'], to: 'rejected', reasonRequired: true },
  suspend: { from: ['approved'], to: 'suspended', reasonRequired: true },
  reinstate: { from: ['suspended'], to: 'approved', reasonRequired: false },
  close: {
    from: ['enrolled', 'approved', 'rejected', 'suspended', 'reopened'],
    to: 'closed',
    reasonRequired: true,
  },
  reopen: { from: ['closed'], to: 'reopened', reasonRequired: false },
};

export type LifecycleResult =
  | { ok: true; from: ProviderStatus; to: ProviderStatus }
  | { ok: false; field: 'reason' | 'action'; message: string };

export function applyLifecycleAction(
  current: ProviderStatus,
  action: LifecycleAction,
  reason: string | null | undefined,
): LifecycleResult {
  const move = MOVES[action];
  if (!move.from.includes(current)) {
    return {
      ok: false,
      field: 'action',
      message: `A ${current} provider cannot be ${pastTense(action)}; allowed from ${move.from.join(', ')}`,
    };
  }
  if (move.reasonRequired && !reason?.trim()) {
    return { ok: false, field: 'reason', message: `A reason is required to ${action} a provider` };
  }
  return { ok: true, from: current, to: move.to };
}

/** The actions open to a provider in `status` (shown to users so they see what they can do). */
export function availableActions(status: ProviderStatus): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/** PRV-1: suspended or closed providers cannot be authorised for new services. */
export function canBeAuthorisedForNewServices(status: ProviderStatus): boolean {
  return status !== 'suspended' && status !== 'closed';
}

function pastTense(action: LifecycleAction): string {
  return action.endsWith('e') ? `${action}d` : `${action}ed`;
}
