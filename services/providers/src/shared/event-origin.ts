import type { Actor } from '@platform/contracts';

/**
 * Who caused an event and, when the caller sent `x-correlation-id`, the request or process it
 * belongs to (ADR 0004); without one the event correlates with itself.
 */
export function eventOrigin(actor: Actor, correlationId?: string) {
  return { actor, ...(correlationId ? { correlationId } : {}) };
}
