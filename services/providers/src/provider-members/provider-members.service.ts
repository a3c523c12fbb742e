import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  providerMemberAdded,
  providerMemberMembershipEnded,
  type Actor,
} from '@platform/contracts';
import { assertMayAccessProvider, NotFoundProblem, RuleViolation, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { findProvider } from '../providers/provider.lookup.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { containsPattern } from '../shared/name-search.js';
import { findOrNotFound, recordsById } from '../shared/lookup.js';
import { findPageBySql, findPageWithRelated } from '@platform/persistence';
import { todayDate } from '../shared/today.js';
import { endMembership, overlappingMembership, type MembershipPeriod } from './membership.js';
import {
  Member,
  ProviderMembership,
  type MemberRecord,
  type ProviderMembershipRecord,
} from './provider-members.entities.js';
import type {
  AddMemberBody,
  CreateMemberBody,
  EndMembershipBody,
  ListMembersQuery,
  ListProviderMembersQuery,
} from './provider-member.schemas.js';
import {
  memberView,
  providerMemberView,
  type MemberView,
  type ProviderMemberView,
} from './provider-member.views.js';

/** PRV-8: members of providers, their memberships, and unassigned members. */
@Injectable()
export class ProviderMembersService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * PRV-8: makes a person — known already, or new — a member of the provider in a role for a
   * period, unless that person is already its member on one of those days.
   */
  async add(
    providerId: string,
    body: AddMemberBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ProviderMemberView> {
    return this.orm.em.fork().transactional(async (em) => {
      // The lock serialises membership changes of one provider, so the overlap check holds.
      await findProvider(em, providerId, { forUpdate: true });
      let member: MemberRecord;
      if (body.memberId) {
        member = await findMember(em, body.memberId);
      } else {
        member = em.create(Member, {
          id: randomUUID(),
          name: body.name as string,
          dateOfBirth: body.dateOfBirth ?? null,
          ...newAudit(actor),
        });
        // The membership row references the member: insert the member first, whatever order
        // the unit of work would choose for unrelated entities.
        await em.flush();
      }
      const existing = await em.find(ProviderMembership, { providerId, memberId: member.id });
      const clash = overlappingMembership(
        { providerId, from: body.from, to: body.to },
        existing.map(period),
      );
      if (clash) {
        throw new RuleViolation(
          'PRV-8',
          `${member.name} is already a member of this provider from ${clash.from} ` +
            `${clash.to ? `to ${clash.to}` : '(open-ended)'} (membership ${clash.id}); ` +
            'a person is a member of a provider at most once at any date',
        );
      }
      const membership = em.create(ProviderMembership, {
        id: randomUUID(),
        providerId,
        memberId: member.id,
        role: body.role,
        from: body.from,
        to: body.to,
        endReason: null,
        ...newAudit(actor),
      });
      recordEvent(em, providerMemberAdded, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: {
          providerId,
          memberId: member.id,
          membershipId: membership.id,
          name: member.name,
          role: body.role,
          from: body.from,
          to: body.to,
        },
      });
      return providerMemberView(membership, member);
    });
  }

  /** PRV-8: the provider's memberships, earliest first, by role, date and name (ROLE-2). */
  async listOfProvider(
    providerId: string,
    query: ListProviderMembersQuery,
    actor: Actor,
  ): Promise<Page<ProviderMemberView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    const named = query.name
      ? (
          await em.find(
            Member,
            { name: { $ilike: containsPattern(query.name) } },
            { fields: ['id'] },
          )
        ).map((member) => member.id)
      : undefined;
    const where = {
      providerId,
      ...(query.role ? { role: query.role } : {}),
      ...(named ? { memberId: { $in: named } } : {}),
      ...(query.activeOn
        ? {
            from: { $lte: query.activeOn },
            $or: [{ to: null }, { to: { $gte: query.activeOn } }],
          }
        : {}),
    };
    return findPageWithRelated(
      em,
      ProviderMembership,
      where,
      query,
      { from: 'asc', id: 'asc' },
      async (memberships, snapshot) => {
        const members = await recordsById(
          snapshot,
          Member,
          memberships.map((membership) => membership.memberId),
        );
        const today = todayDate();
        return memberships.map((membership) =>
          providerMemberView(membership, members.get(membership.memberId) as MemberRecord, today),
        );
      },
    );
  }

  /** PRV-8: a member of the provider with its memberships there; 404 if never a member (ROLE-2). */
  async getOfProvider(providerId: string, memberId: string, actor: Actor): Promise<MemberView> {
    assertMayAccessProvider(actor, providerId, 'Member', memberId);
    const em = this.orm.em.fork();
    await findProvider(em, providerId);
    const memberships = await membershipsAt(em, providerId, memberId);
    if (memberships.length === 0) throw new NotFoundProblem('Member', memberId);
    return memberView(await findMember(em, memberId), memberships);
  }

  /**
   * PRV-8: gives the member's membership that covers `to` its last day; after it the member is no
   * longer active at the provider. Ending it on the day it already ends changes nothing.
   */
  async endMembership(
    providerId: string,
    memberId: string,
    body: EndMembershipBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId, { forUpdate: true });
      const memberships = await membershipsAt(em, providerId, memberId);
      if (memberships.length === 0) throw new NotFoundProblem('Member', memberId);
      const result = endMembership(memberships.map(period), providerId, body.to);
      if (!result.ok) throw new RuleViolation('PRV-8', result.message);
      const member = await findMember(em, memberId);
      if (!result.changed) return memberView(member, memberships);
      const membership = memberships.find(
        (candidate) => candidate.id === result.membership.id,
      ) as ProviderMembershipRecord;
      const reason = body.reason?.trim() || null;
      membership.to = body.to;
      membership.endReason = reason;
      markUpdated(membership, actor);
      recordEvent(em, providerMemberMembershipEnded, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: {
          providerId,
          memberId,
          membershipId: membership.id,
          to: body.to,
          previousTo: result.previousTo,
          reason,
        },
      });
      return memberView(member, memberships);
    });
  }

  /** PRV-8: records a person known to the agency but not (yet) a member of any provider. */
  async create(body: CreateMemberBody, actor: Actor): Promise<MemberView> {
    return this.orm.em.fork().transactional(async (em) => {
      const member = em.create(Member, {
        id: randomUUID(),
        name: body.name,
        dateOfBirth: body.dateOfBirth,
        ...newAudit(actor),
      });
      return memberView(member, []);
    });
  }

  /** PRV-8: people by name; `unassigned=true` keeps those with no membership active today. */
  async list(query: ListMembersQuery): Promise<Page<MemberView>> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.name) {
      params.push(containsPattern(query.name));
      conditions.push(`m.name ilike ?`);
    }
    if (query.unassigned !== undefined) {
      const today = todayDate();
      params.push(today, today);
      // PRV-8: unassigned = no membership whose period covers today
      conditions.push(
        `${query.unassigned ? 'not ' : ''}exists (select 1 from provider_membership pm
           where pm.member_id = m.id and pm.from_date <= ?::date
             and (pm.to_date is null or pm.to_date >= ?::date))`,
      );
    }
    const filter = {
      from: 'member m',
      conditions,
      params,
      id: 'm.id',
      orderBy: 'lower(m.name), m.id',
    };
    return findPageBySql(this.orm.em.fork(), filter, query, async (ids, em) => {
      const members = await recordsById(em, Member, ids);
      const memberships = await em.find(
        ProviderMembership,
        { memberId: { $in: ids } },
        { orderBy: { from: 'asc', id: 'asc' } },
      );
      const today = todayDate();
      return ids.map((id) =>
        memberView(
          members.get(id) as MemberRecord,
          memberships.filter((membership) => membership.memberId === id),
          today,
        ),
      );
    });
  }

  /** PRV-8: a person with all their memberships (staff). */
  async get(memberId: string): Promise<MemberView> {
    const em = this.orm.em.fork();
    const member = await findMember(em, memberId);
    const memberships = await em.find(
      ProviderMembership,
      { memberId },
      { orderBy: { from: 'asc', id: 'asc' } },
    );
    return memberView(member, memberships);
  }
}

export function findMember(em: EntityManager, memberId: string): Promise<MemberRecord> {
  return findOrNotFound(em, Member, 'Member', memberId);
}

function membershipsAt(em: EntityManager, providerId: string, memberId: string) {
  return em.find(
    ProviderMembership,
    { providerId, memberId },
    { orderBy: { from: 'asc', id: 'asc' } },
  );
}

function period(membership: ProviderMembershipRecord): MembershipPeriod {
  return {
    id: membership.id,
    providerId: membership.providerId,
    from: membership.from as CalendarDate,
    to: (membership.to ?? null) as CalendarDate | null,
  };
}
