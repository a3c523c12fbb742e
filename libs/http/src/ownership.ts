import { type Actor } from '@platform/contracts';
import { NotFoundProblem } from './problems.js';

/** A provider's self-service user, as opposed to agency staff or operators. */
export function isProviderSelfService(actor: Actor): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => role === 'provider');
}

/**
 * ROLE-2 / ARCHITECTURE rule 10: a provider's token sees only its own provider's records. Anything
 * else answers 404, exactly as for an id that does not exist, so existence is not revealed.
 */
export function assertMayAccessProvider(
  actor: Actor,
  providerId: string,
  what = 'Provider',
  id = providerId,
): void {
  if (isProviderSelfService(actor) && actor.providerId !== providerId) {
    throw new NotFoundProblem(what, id);
  }
}
