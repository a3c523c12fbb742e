import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  providerGroupClosed,
  providerGroupEnrolled,
  providerGroupReopened,
  providerPaymentDirectionChanged,
  type Actor,
} from '@platform/contracts';
import { NotFoundProblem, RuleViolation, ValidationProblem, type Page } from '@platform/http';
import { dateRange, rangesOverlap, type CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { markUpdated, newAudit } from '../shared/audit.js';
import { findOrNotFound } from '../shared/lookup.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { Provider } from '../providers/provider.entity.js';
import { findProvider } from '../providers/provider.lookup.js';
import {
  conflictingGroupPayee,
  payeeOn,
  type AffiliationHistory,
  type Payee,
} from './payee-resolution.js';
import {
  PaymentDirectionChange,
  ProviderAffiliation,
  ProviderGroup,
  type ProviderAffiliationRecord,
  type ProviderGroupRecord,
} from './provider-group.entities.js';
import type {
  AffiliateBody,
  EnrolGroupBody,
  GroupLifecycleBody,
  ListGroupsQuery,
  PaymentDirectionBody,
} from './provider-group.schemas.js';

export interface AffiliationView extends ProviderAffiliationRecord {
  paymentDirections: { effectiveFrom: string; paymentsToGroup: boolean; recordedBy: string }[];
}

@Injectable()
export class ProviderGroupsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** PRV-4: groups are enrolled directly, never from an inquiry. */
  async enrol(body: EnrolGroupBody, actor: Actor): Promise<ProviderGroupRecord> {
    return this.orm.em.fork().transactional(async (em) => {
      const group = em.create(ProviderGroup, {
        id: randomUUID(),
        name: body.name,
        ...newAudit(actor),
      });
      recordEvent(em, providerGroupEnrolled, {
        aggregateId: group.id,
        actor,
        data: { groupId: group.id, name: group.name },
      });
      return group;
    });
  }

  get(id: string): Promise<ProviderGroupRecord> {
    return findOrNotFound(this.orm.em.fork(), ProviderGroup, 'Provider group', id);
  }

  async list(query: ListGroupsQuery): Promise<Page<ProviderGroupRecord>> {
    const where = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      ProviderGroup,
      where,
      query,
      { name: 'asc', id: 'asc' },
      (group) => group,
    );
  }

  /** PRV-4: close (reason required) and reopen. */
  async changeStatus(
    id: string,
    body: GroupLifecycleBody,
    actor: Actor,
  ): Promise<ProviderGroupRecord> {
    return this.orm.em.fork().transactional(async (em) => {
      const group = await em.findOne(
        ProviderGroup,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!group) throw new NotFoundProblem('Provider group', id);
      const reason = body.reason?.trim() || null;
      const [from, to] = body.action === 'close' ? ['active', 'closed'] : ['closed', 'active'];
      if (group.status !== from) {
        throw new RuleViolation('PRV-4', `A ${group.status} group cannot be ${body.action}d`);
      }
      if (body.action === 'close' && !reason) {
        throw new ValidationProblem([
          { field: 'reason', message: 'A reason is required to close a group' },
        ]);
      }
      Object.assign(group, { status: to, closeReason: reason });
      markUpdated(group, actor);
      recordEvent(em, body.action === 'close' ? providerGroupClosed : providerGroupReopened, {
        aggregateId: id,
        actor,
        data: { groupId: id, reason },
      });
      return group;
    });
  }

  /** PRV-4/PRV-5: affiliates a provider for a period, with its first payment direction. */
  async affiliate(groupId: string, body: AffiliateBody, actor: Actor): Promise<AffiliationView> {
    return this.orm.em.fork().transactional(async (em) => {
      const group = await findOrNotFound(em, ProviderGroup, 'Provider group', groupId);
      if (group.status === 'closed') {
        throw new RuleViolation('PRV-4', 'A closed group takes no new affiliations');
      }
      // Serialises affiliation changes of one provider, so the checks below see every other one.
      const provider = await em.findOne(
        Provider,
        { id: body.providerId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!provider) {
        throw new ValidationProblem([{ field: 'providerId', message: 'no such provider' }]);
      }
      const existing = await this.historiesOf(em, body.providerId);
      const period = dateRange(body.startDate, body.endDate ?? null);
      const candidate: AffiliationHistory = {
        affiliationId: randomUUID(),
        groupId,
        period,
        directions: [{ effectiveFrom: body.startDate, paymentsToGroup: body.paymentsToGroup }],
      };
      if (existing.some((a) => a.groupId === groupId && rangesOverlap(a.period, period))) {
        throw new RuleViolation(
          'PRV-4',
          'The provider is already affiliated with this group in that period',
        );
      }
      this.assertOnePayingGroup(candidate, existing);
      const affiliation = em.create(ProviderAffiliation, {
        id: candidate.affiliationId,
        groupId,
        providerId: body.providerId,
        startDate: body.startDate,
        endDate: body.endDate ?? null,
        createdBy: actor.userId,
      });
      this.recordDirection(em, affiliation, body.startDate, body.paymentsToGroup, actor);
      return this.view(em, affiliation);
    });
  }

  /** PRV-5: a dated change of where the provider's payments go; history is never rewritten. */
  async changePaymentDirection(
    groupId: string,
    affiliationId: string,
    body: PaymentDirectionBody,
    actor: Actor,
  ): Promise<AffiliationView> {
    return this.orm.em.fork().transactional(async (em) => {
      const affiliation = await em.findOne(ProviderAffiliation, { id: affiliationId, groupId });
      if (!affiliation) throw new NotFoundProblem('Affiliation', affiliationId);
      await em.findOne(
        Provider,
        { id: affiliation.providerId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const histories = await this.historiesOf(em, affiliation.providerId);
      const current = histories.find(
        (h) => h.affiliationId === affiliationId,
      ) as AffiliationHistory;
      const { start, end } = current.period;
      if (body.effectiveFrom < start || (end !== null && body.effectiveFrom > end)) {
        throw new ValidationProblem([
          {
            field: 'effectiveFrom',
            message: `must fall within the affiliation (${start} to ${end ?? 'open'})`,
          },
        ]);
      }
      const changed: AffiliationHistory = {
        ...current,
        directions: [
          ...current.directions.filter((d) => d.effectiveFrom !== body.effectiveFrom),
          { effectiveFrom: body.effectiveFrom, paymentsToGroup: body.paymentsToGroup },
        ],
      };
      this.assertOnePayingGroup(changed, histories);
      this.recordDirection(em, affiliation, body.effectiveFrom, body.paymentsToGroup, actor);
      return this.view(em, affiliation);
    });
  }

  async affiliations(groupId: string): Promise<AffiliationView[]> {
    await this.get(groupId);
    const em = this.orm.em.fork();
    const rows = await em.find(
      ProviderAffiliation,
      { groupId },
      { orderBy: { startDate: 'asc', id: 'asc' } },
    );
    return Promise.all(rows.map((row) => this.view(em, row)));
  }

  /** PRV-5 / FIN-14: who is paid for what the provider delivered on `date`. */
  async payee(
    providerId: string,
    date: CalendarDate,
    actor: Actor,
  ): Promise<Payee & { date: string }> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return { date, ...payeeOn(providerId, await this.historiesOf(em, providerId), date) };
  }

  private assertOnePayingGroup(candidate: AffiliationHistory, others: AffiliationHistory[]): void {
    const conflict = conflictingGroupPayee(candidate, others);
    if (conflict) {
      throw new RuleViolation(
        'PRV-5',
        `On some day the provider's payments would go both to group ${candidate.groupId} and to group ${conflict.groupId}; they can go to one group at a time`,
      );
    }
  }

  private recordDirection(
    em: EntityManager,
    affiliation: ProviderAffiliationRecord,
    effectiveFrom: CalendarDate,
    paymentsToGroup: boolean,
    actor: Actor,
  ): void {
    em.create(PaymentDirectionChange, {
      affiliationId: affiliation.id,
      effectiveFrom,
      paymentsToGroup,
      recordedBy: actor.userId,
    });
    recordEvent(em, providerPaymentDirectionChanged, {
      aggregateId: affiliation.providerId,
      actor,
      data: {
        providerId: affiliation.providerId,
        groupId: affiliation.groupId,
        affiliationId: affiliation.id,
        affiliationStart: affiliation.startDate,
        affiliationEnd: affiliation.endDate ?? null,
        effectiveFrom,
        paymentsToGroup,
      },
    });
  }

  private async historiesOf(em: EntityManager, providerId: string): Promise<AffiliationHistory[]> {
    const affiliations = await em.find(ProviderAffiliation, { providerId });
    const directions = await em.find(
      PaymentDirectionChange,
      {
        affiliationId: { $in: affiliations.map((a) => a.id) },
      },
      { orderBy: { id: 'asc' } },
    );
    return affiliations.map((a) => ({
      affiliationId: a.id,
      groupId: a.groupId,
      period: dateRange(a.startDate as CalendarDate, (a.endDate ?? null) as CalendarDate | null),
      // A later correction of the same effective date replaces the earlier one.
      directions: [
        ...new Map(
          directions
            .filter((d) => d.affiliationId === a.id)
            .map((d) => [
              d.effectiveFrom,
              {
                effectiveFrom: d.effectiveFrom as CalendarDate,
                paymentsToGroup: d.paymentsToGroup,
              },
            ]),
        ).values(),
      ],
    }));
  }

  private async view(
    em: EntityManager,
    affiliation: ProviderAffiliationRecord,
  ): Promise<AffiliationView> {
    await em.flush();
    const directions = await em.find(
      PaymentDirectionChange,
      { affiliationId: affiliation.id },
      { orderBy: { effectiveFrom: 'asc', id: 'asc' } },
    );
    return {
      ...affiliation,
      paymentDirections: directions.map((d) => ({
        effectiveFrom: d.effectiveFrom,
        paymentsToGroup: d.paymentsToGroup,
        recordedBy: d.recordedBy,
      })),
    };
  }
}
