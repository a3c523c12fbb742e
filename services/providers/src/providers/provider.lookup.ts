import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { assertMayAccessProvider, NotFoundProblem } from '@platform/http';
import { Provider, type ProviderRecord } from './provider.entity.js';

/**
 * The provider, or 404. `forUpdate` locks its row, which serialises changes to the provider and to
 * the records kept under it (members, services, specialties …) that are checked against each other.
 * `readBy`: the caller reading the provider's records — a provider's own token gets 404 for any
 * other provider, exactly as for one that does not exist (ROLE-2).
 */
export async function findProvider(
  em: EntityManager,
  providerId: string,
  options: { forUpdate?: boolean; readBy?: Actor } = {},
): Promise<ProviderRecord> {
  if (options.readBy) assertMayAccessProvider(options.readBy, providerId);
  const provider = await em.findOne(
    Provider,
    { id: providerId },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!provider) throw new NotFoundProblem('Provider', providerId);
  return provider;
}
