import { PROVIDER_SERVICE_STATUSES } from '@platform/contracts';

/**
 * PRV-6: the lifecycle of a provider service as an explicit state machine. Pure: the service
 * applies it inside a transaction and announces the result; the unit spec proves every move.
 *
 *   (add) → pending ─approve→ approved ─suspend(reason)→ suspended ─approve→ approved
 *   pending | approved | suspended ─end(reason)→ ended        (ended is final)
 *
 * Approving (again, after a suspension) re-runs the SVC-7 criteria and SVC-10 training checks.
 */
export { PROVIDER_SERVICE_STATUSES };
export type ProviderServiceStatus = (typeof PROVIDER_SERVICE_STATUSES)[number];

export const PROVIDER_SERVICE_ACTIONS = ['approve', 'suspend', 'end'] as const;
export type ProviderServiceAction = (typeof PROVIDER_SERVICE_ACTIONS)[number];

interface Move {
  from: readonly ProviderServiceStatus[];
  to: ProviderServiceStatus;
  reasonRequired: boolean;
}

const MOVES: Record<ProviderServiceAction, Move> = {
  approve: { from: ['pending', 'suspended'], to: 'approved', reasonRequired: false },
  suspend: { from: ['approved'], to: 'suspended', reasonRequired: true },
  end: { from: ['pending', 'approved', 'suspended'], to: 'ended', reasonRequired: true },
};

export type ProviderServiceMoveResult =
  | { ok: true; from: ProviderServiceStatus; to: ProviderServiceStatus }
  | { ok: false; field: 'reason' | 'action'; message: string };

export function applyProviderServiceAction(
  current: ProviderServiceStatus,
  action: ProviderServiceAction,
  reason?: string | null,
): ProviderServiceMoveResult {
  const move = MOVES[action];
  if (!move.from.includes(current)) {
    return {
      ok: false,
      field: 'action',
      message: `A ${current} provider service cannot be ${PAST[action]}; allowed from ${move.from.join(', ')}`,
    };
  }
  if (move.reasonRequired && !reason?.trim()) {
    return {
      ok: false,
      field: 'reason',
      message: `A reason is required to ${action} a provider service`,
    };
  }
  return { ok: true, from: current, to: move.to };
}

/** The actions open to a provider service in `status` (shown so users see what they can do). */
export function availableProviderServiceActions(
  status: ProviderServiceStatus,
): ProviderServiceAction[] {
  return PROVIDER_SERVICE_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/** A provider service's terms (rate, place limit, period, options) may change until it ends. */
export function providerServiceEditable(status: ProviderServiceStatus): boolean {
  return status !== 'ended';
}

const PAST: Record<ProviderServiceAction, string> = {
  approve: 'approved',
  suspend: 'suspended',
  end: 'ended',
};
