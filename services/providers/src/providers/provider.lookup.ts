import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundProblem } from '@platform/http';
import { Provider, type ProviderRecord } from './provider.entity.js';

/**
 * The provider, or 404. `forUpdate` locks its row, which serialises changes to the provider and to
 * the records kept under it (members, services, specialties …) that are checked against each other.
 */
export async function findProvider(
  em: EntityManager,
  providerId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProviderRecord> {
  const provider = await em.findOne(
    Provider,
    { id: providerId },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!provider) throw new NotFoundProblem('Provider', providerId);
  return provider;
}
