import type { LicenceStatusSignal } from '@platform/contracts/workflows';

/** A suspension or reinstatement (CRD-2) waiting for the process's main loop. */
export interface QueuedStatusSignal {
  change: 'suspend' | 'reinstate';
  signal: LicenceStatusSignal;
}

/**
 * Whether the licence is suspended once the queued signals are applied: what the `decide`
 * validator must assume, since a suspension already signalled but not yet processed still forbids
 * a renewal (CRD-2). Signals whose request id was handled already are duplicates and change nothing.
 */
export function suspendedAfter(
  suspended: boolean,
  queue: readonly QueuedStatusSignal[],
  handledRequestIds: ReadonlySet<string>,
): boolean {
  const seen = new Set(handledRequestIds);
  let result = suspended;
  for (const { change, signal } of queue) {
    if (seen.has(signal.requestId)) continue;
    seen.add(signal.requestId);
    result = change === 'suspend';
  }
  return result;
}

/**
 * The request ids carried into the next run when the process continues as new, so a signal
 * redelivered after a renewal is still recognised; bounded so the input stays small.
 */
export const CARRIED_REQUEST_IDS = 50;

export function carriedRequestIds(handled: ReadonlySet<string>): string[] {
  return [...handled].slice(-CARRIED_REQUEST_IDS);
}
