import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { isProviderSelfService, NotFoundProblem } from '@platform/http';
import {
  Member,
  ProviderMembership,
  type MemberRecord,
} from '../provider-members/provider-members.entities.js';
import { findOrNotFound } from '../shared/lookup.js';

/**
 * The member whose records (trainings, certifications) the actor asks for, or 404. SS-3 / ROLE-2:
 * a provider's own user sees the records of people who are or were its members, and nobody
 * else's — answered with the same 404 as an unknown member, so existence is not revealed.
 */
export async function findMemberFor(
  em: EntityManager,
  memberId: string,
  actor: Actor,
): Promise<MemberRecord> {
  if (isProviderSelfService(actor)) {
    const memberships = await em.count(ProviderMembership, {
      memberId,
      providerId: actor.providerId ?? '00000000-0000-0000-0000-000000000000',
    });
    if (memberships === 0) throw new NotFoundProblem('Member', memberId);
  }
  return findOrNotFound(em, Member, 'Member', memberId);
}
