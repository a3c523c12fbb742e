import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryOrder, type FilterQuery } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  waitlistEntryAdded,
  waitlistEntryAllocated,
  waitlistEntryMoved,
  waitlistEntryRemoved,
  waitlistEntryUpdated,
  type Actor,
} from '@platform/contracts';
import { assertMayAccessProvider, NotFoundProblem, RuleViolation, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { ProviderService } from '../provider-services/provider-service.entity.js';
import { findProvider } from '../providers/provider.lookup.js';
import { ServiceProduct } from '../service-registry/service-products/service-product.entity.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { listedProviderId } from '../shared/provider-scope.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { refuseRuleIssue } from '../shared/rule-issues.js';
import { dateOrNull } from '../shared/view-values.js';
import { WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY } from '../tokens.js';
import { WaitlistEntry, type WaitlistEntryRecord } from './waitlist-entry.entity.js';
import { waitlistEntryView, type WaitlistEntryView } from './waitlist-entry.views.js';
import {
  applyOrder,
  expireWaitlistEntries,
  leaveQueue,
  listData,
  lockWaitlist,
  queueOf,
  waitingEntries,
} from './waitlist-queue.js';
import {
  allocationKind,
  changePriority,
  expiryDateIssue,
  leaveTransition,
  moveEntry,
  nextPosition,
  reviewDateFor,
  type LeaveAction,
  type MoveTarget,
} from './waitlist.rules.js';
import type {
  AddWaitlistEntryBody,
  AllocateWaitlistEntryBody,
  ListProviderWaitlistEntriesQuery,
  ListWaitlistEntriesQuery,
  MoveWaitlistEntryBody,
  RemoveWaitlistEntryBody,
  UpdateWaitlistEntryBody,
} from './waitlist.schemas.js';

const ENTRY = 'Waitlist entry';

/**
 * PRV-10: waitlists of providers and provider services. Every change to a list's positions runs
 * under that list's lock (`lockWaitlist`), so positions stay 1..N under concurrent requests; the
 * rules themselves are the pure functions of `waitlist.rules.ts`.
 */
@Injectable()
export class WaitlistsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY) private readonly reviewDaysBeforeExpiry: number,
  ) {}

  /**
   * PRV-10: puts the client at the end of the provider's (or provider service's) waitlist: with N
   * entries waiting it gets position N + 1.
   */
  async add(
    body: AddWaitlistEntryBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await findProvider(em, body.providerId);
      if (provider.status === 'closed') {
        throw new RuleViolation(
          'PRV-10',
          `Provider ${provider.id} is closed and delivers no services (PRV-1); clients cannot ` +
            'wait for it',
        );
      }
      const list = await listFor(em, provider.id, body.providerServiceId ?? null, body.placement);
      const expiryDate = body.expiryDate ?? null;
      const expiryIssue = expiryDateIssue(expiryDate, today);
      if (expiryIssue) refuseRuleIssue(expiryIssue);
      const review = reviewDateFor(
        { reviewDate: body.reviewDate ?? null, expiryDate },
        this.reviewDaysBeforeExpiry,
        today,
      );
      if (!review.ok) refuseRuleIssue(review.issue);

      await lockWaitlist(em, list.waitlistId);
      const waiting = await waitingEntries(em, list.waitlistId);
      const already = waiting.find((entry) => entry.clientReference === body.clientReference);
      if (already) {
        throw new RuleViolation(
          'PRV-10',
          `Client ${body.clientReference} is already waiting on this list at position ` +
            `${already.position} (entry ${already.id}); a client waits on a list once`,
        );
      }
      const entry = em.create(WaitlistEntry, {
        id: randomUUID(),
        ...list,
        clientReference: body.clientReference,
        clientName: body.clientName?.trim() || null,
        priority: body.priority,
        status: 'waiting',
        position: nextPosition(waiting.length),
        expiryDate,
        reviewDate: review.reviewDate,
        reviewDateComputed: review.computed,
        notes: body.notes?.trim() || null,
        ...newAudit(actor),
      });
      recordEvent(em, waitlistEntryAdded, {
        aggregateId: list.waitlistId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...listData(entry, [...queueOf(waiting), { id: entry.id, priority: entry.priority }]),
          serviceProductId: list.serviceProductId,
          clientName: entry.clientName ?? null,
          placement: list.placement,
          priority: entry.priority,
          position: entry.position as number,
          expiryDate,
          reviewDate: review.reviewDate,
          reviewDateComputed: review.computed,
        },
      });
      return waitlistEntryView(entry);
    });
  }

  /** PRV-10: moves a waiting entry up or down one, or to a position; the others renumber. */
  async move(
    entryId: string,
    body: MoveWaitlistEntryBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<WaitlistEntryView> {
    const target: MoveTarget =
      body.position !== undefined
        ? { position: body.position }
        : { direction: body.direction ?? 'up' };
    return this.underLock(entryId, actor, async (em, entry, waiting) => {
      assertWaiting(entry, 'moved');
      const before = queueOf(waiting);
      const result = moveEntry(before, entry.id, target);
      if (!result.ok) {
        if (result.issue.field === 'position') refuseRuleIssue(result.issue);
        throw new RuleViolation('PRV-10', `${result.issue.field}: ${result.issue.message}`);
      }
      if (result.from === result.to) return waitlistEntryView(entry);
      applyOrder(waiting, before, result.queue, actor);
      recordEvent(em, waitlistEntryMoved, {
        aggregateId: entry.waitlistId,
        ...eventOrigin(actor, correlationId),
        data: { ...listData(entry, result.queue), fromPosition: result.from, position: result.to },
      });
      return waitlistEntryView(entry);
    });
  }

  /**
   * PRV-10: changes priority, expiry date, review date or notes of a waiting entry. A new
   * priority moves the entry by priority; a review date that was computed follows a new expiry
   * date; reviewDate null goes back to the computed one.
   */
  async update(
    entryId: string,
    body: UpdateWaitlistEntryBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.underLock(entryId, actor, async (em, entry, waiting) => {
      assertWaiting(entry, 'changed');
      const changed: ('priority' | 'expiryDate' | 'reviewDate' | 'notes')[] = [];
      const oldExpiry = dateOrNull(entry.expiryDate);
      const expiryDate = body.expiryDate !== undefined ? body.expiryDate : oldExpiry;
      if (expiryDate !== oldExpiry) {
        const issue = expiryDateIssue(expiryDate, today);
        if (issue) refuseRuleIssue(issue);
        changed.push('expiryDate');
      }
      const oldReview = dateOrNull(entry.reviewDate);
      let reviewDate = oldReview;
      let reviewDateComputed = entry.reviewDateComputed;
      if (body.reviewDate !== undefined || (changed.includes('expiryDate') && reviewDateComputed)) {
        const requested =
          body.reviewDate !== undefined ? body.reviewDate : reviewDateComputed ? null : oldReview;
        const review = reviewDateFor(
          { reviewDate: requested, expiryDate },
          this.reviewDaysBeforeExpiry,
          today,
        );
        if (!review.ok) refuseRuleIssue(review.issue);
        reviewDate = review.reviewDate;
        reviewDateComputed = review.computed;
      } else if (reviewDate !== null && expiryDate !== null && reviewDate > expiryDate) {
        // a given review date must stay on or before a new, earlier expiry date
        refuseRuleIssue({
          rule: 'PRV-10',
          field: 'reviewDate',
          message: `the review date ${reviewDate} is after the new expiry date ${expiryDate}`,
        });
      }
      if (reviewDate !== oldReview || reviewDateComputed !== entry.reviewDateComputed) {
        changed.push('reviewDate');
      }
      const notes = body.notes !== undefined ? body.notes?.trim() || null : (entry.notes ?? null);
      if (notes !== (entry.notes ?? null)) changed.push('notes');

      const before = queueOf(waiting);
      const fromPosition = entry.position as number;
      let after = before;
      if (body.priority !== undefined && body.priority !== entry.priority) {
        changed.push('priority');
        after = changePriority(before, entry.id, body.priority).queue;
      }
      if (changed.length === 0) return waitlistEntryView(entry);

      const at = new Date();
      applyOrder(waiting, before, after, actor, at);
      entry.priority = body.priority ?? entry.priority;
      entry.expiryDate = expiryDate;
      entry.reviewDate = reviewDate;
      entry.reviewDateComputed = reviewDateComputed;
      entry.notes = notes;
      markUpdated(entry, actor, at);
      recordEvent(em, waitlistEntryUpdated, {
        aggregateId: entry.waitlistId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...listData(entry, after),
          changed,
          priority: entry.priority,
          expiryDate,
          reviewDate,
          reviewDateComputed,
          fromPosition,
          position: entry.position as number,
        },
      });
      return waitlistEntryView(entry);
    });
  }

  /**
   * PRV-10: allocates a place to a client waiting for one: the entry leaves the queue as
   * allocated, and waitlist-entry.allocated tells the placements service to create a reservation
   * (period starting after today) or a placement (starting today).
   */
  async allocate(
    entryId: string,
    body: AllocateWaitlistEntryBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.underLock(entryId, actor, async (em, entry, waiting) => {
      assertMayLeave(entry, 'allocate');
      if (!entry.placement) {
        throw new RuleViolation(
          'PRV-10',
          `Entry ${entry.id} waits for a non-placement service: there is no place to allocate; ` +
            'remove the entry when the provider can serve the client',
        );
      }
      const from = body.from ?? today;
      const kind = allocationKind(from, today);
      if (!kind.ok) refuseRuleIssue(kind.issue);
      const to = body.to ?? null;
      if (to !== null && to < from) {
        refuseRuleIssue({
          rule: 'PRV-10',
          field: 'to',
          message: 'the service period cannot end before it starts',
        });
      }
      const { queue, lastPosition } = leaveQueue(entry, waiting, 'allocated', today, actor);
      entry.allocationKind = kind.kind;
      entry.allocationFrom = from;
      entry.allocationTo = to;
      entry.allocationPlaceId = body.placeId ?? null;
      recordEvent(em, waitlistEntryAllocated, {
        aggregateId: entry.waitlistId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...listData(entry, queue),
          serviceProductId: entry.serviceProductId ?? null,
          clientName: entry.clientName ?? null,
          kind: kind.kind,
          from,
          to,
          placeId: entry.allocationPlaceId ?? null,
          allocatedOn: today,
          lastPosition,
        },
      });
      return waitlistEntryView(entry);
    });
  }

  /** PRV-10: takes a waiting client off the list with a reason; the gap closes. */
  async remove(
    entryId: string,
    body: RemoveWaitlistEntryBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<WaitlistEntryView> {
    return this.underLock(entryId, actor, async (em, entry, waiting) => {
      assertMayLeave(entry, 'remove');
      const { queue, lastPosition } = leaveQueue(entry, waiting, 'removed', today, actor);
      entry.removalReason = body.reason;
      recordEvent(em, waitlistEntryRemoved, {
        aggregateId: entry.waitlistId,
        ...eventOrigin(actor, correlationId),
        data: { ...listData(entry, queue), reason: body.reason, lastPosition },
      });
      return waitlistEntryView(entry);
    });
  }

  /** PRV-10: the expiry run for `onDate` (never after today); idempotent. */
  async expire(
    onDate: CalendarDate,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<{ onDate: CalendarDate; expiredEntryIds: string[] }> {
    if (onDate > today) {
      refuseRuleIssue({
        rule: 'PRV-10',
        field: 'onDate',
        message: `entries cannot be expired ahead of time (${onDate}; today is ${today})`,
      });
    }
    const expiredEntryIds = await expireWaitlistEntries(this.orm, onDate, actor, correlationId);
    return { onDate, expiredEntryIds };
  }

  /** PRV-10: one entry; a provider sees only its own (404 otherwise, SS-3). */
  async get(entryId: string, actor: Actor): Promise<WaitlistEntryView> {
    return waitlistEntryView(await findEntry(this.orm.em.fork(), entryId, actor));
  }

  /**
   * PRV-10: search by client (reference, name), status, priority, provider, provider service,
   * provider-level list, placement and review due by a date; grouped by list in position order.
   * A provider's token sees only its own waitlists.
   */
  async list(query: ListWaitlistEntriesQuery, actor: Actor): Promise<Page<WaitlistEntryView>> {
    const providerId = listedProviderId(actor, query.providerId);
    return this.search(this.orm.em.fork(), { ...query, providerId });
  }

  /** PRV-10: the waitlist entries of one provider (its own token may read them, SS-3). */
  async listOfProvider(
    providerId: string,
    query: ListProviderWaitlistEntriesQuery,
    actor: Actor,
  ): Promise<Page<WaitlistEntryView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return this.search(em, { ...query, providerId });
  }

  private async search(
    em: EntityManager,
    query: ListProviderWaitlistEntriesQuery & { providerId?: string | undefined },
  ): Promise<Page<WaitlistEntryView>> {
    const conditions: FilterQuery<WaitlistEntryRecord>[] = [];
    if (query.providerId) conditions.push({ providerId: query.providerId });
    if (query.providerServiceId) conditions.push({ providerServiceId: query.providerServiceId });
    if (query.providerLevel !== undefined) {
      conditions.push({ providerServiceId: query.providerLevel ? null : { $ne: null } });
    }
    if (query.clientReference) conditions.push({ clientReference: query.clientReference });
    if (query.clientName) {
      conditions.push({ clientName: { $ilike: containsPattern(query.clientName) } });
    }
    if (query.status) conditions.push({ status: query.status });
    if (query.priority) conditions.push({ priority: query.priority });
    if (query.placement !== undefined) conditions.push({ placement: query.placement });
    // a review is due only while the client still waits
    if (query.reviewDueBy) {
      conditions.push({ status: 'waiting', reviewDate: { $lte: query.reviewDueBy } });
    }
    return findPage(
      em,
      WaitlistEntry,
      conditions.length > 0 ? { $and: conditions } : {},
      query,
      {
        providerId: QueryOrder.ASC,
        providerServiceId: QueryOrder.ASC_NULLS_FIRST,
        position: QueryOrder.ASC_NULLS_LAST,
        createdAt: QueryOrder.ASC,
        id: QueryOrder.ASC,
      },
      waitlistEntryView,
    );
  }

  /**
   * Runs `change` on the entry and the waiting entries of its list, in one transaction holding
   * the list's lock. The list is found first (it never changes); the entry is read after the
   * lock, so it is what the previous holder committed.
   */
  private async underLock<T>(
    entryId: string,
    actor: Actor,
    change: (
      em: EntityManager,
      entry: WaitlistEntryRecord,
      waiting: WaitlistEntryRecord[],
    ) => Promise<T>,
  ): Promise<T> {
    const { waitlistId } = await findEntry(this.orm.em.fork(), entryId, actor);
    return this.orm.em.fork().transactional(async (em) => {
      await lockWaitlist(em, waitlistId);
      const entry = await findEntry(em, entryId, actor);
      const waiting = await waitingEntries(em, waitlistId);
      return change(em, entry, waiting);
    });
  }
}

/**
 * PRV-10: the list a new entry joins — the provider's own, or its provider service's (which must
 * belong to the provider and not have ended) — and whether the client waits for a place: for a
 * provider service that follows its product (unit of measure `place`, SVC-1).
 */
async function listFor(
  em: EntityManager,
  providerId: string,
  providerServiceId: string | null,
  placement: boolean | undefined,
): Promise<{
  waitlistId: string;
  providerId: string;
  providerServiceId: string | null;
  serviceProductId: string | null;
  placement: boolean;
}> {
  if (providerServiceId === null) {
    return {
      waitlistId: providerId,
      providerId,
      providerServiceId: null,
      serviceProductId: null,
      placement: placement ?? false,
    };
  }
  const service = await em.findOne(
    ProviderService,
    { id: providerServiceId },
    { fields: ['id', 'providerId', 'serviceProductId', 'status'] },
  );
  // another provider's service is not one of this provider's lists
  if (!service || service.providerId !== providerId) {
    throw new NotFoundProblem('Provider service', providerServiceId);
  }
  if (service.status === 'ended') {
    throw new RuleViolation(
      'PRV-10',
      `Provider service ${service.id} has ended; clients cannot wait for it`,
    );
  }
  const product = await em.findOne(
    ServiceProduct,
    { id: service.serviceProductId },
    { fields: ['id', 'unitOfMeasure'] },
  );
  const placesProduct = product?.unitOfMeasure === 'place';
  if (placement !== undefined && placement !== placesProduct) {
    refuseRuleIssue({
      rule: 'PRV-10',
      field: 'placement',
      message: placesProduct
        ? "the provider service's product is measured in places: its waitlist is for placements"
        : "the provider service's product is not measured in places: its waitlist is not for placements",
    });
  }
  return {
    waitlistId: service.id,
    providerId,
    providerServiceId: service.id,
    serviceProductId: service.serviceProductId,
    placement: placesProduct,
  };
}

/** The entry, or 404 — also when a provider's token asks for another provider's (SS-3). */
async function findEntry(
  em: EntityManager,
  entryId: string,
  actor: Actor,
): Promise<WaitlistEntryRecord> {
  const entry = await em.findOne(WaitlistEntry, { id: entryId });
  if (!entry) throw new NotFoundProblem(ENTRY, entryId);
  assertMayAccessProvider(actor, entry.providerId, ENTRY, entryId);
  return entry;
}

/** PRV-10: only waiting entries are in the queue to be moved or changed. */
function assertWaiting(entry: WaitlistEntryRecord, what: 'moved' | 'changed'): void {
  if (entry.status !== 'waiting') {
    throw new RuleViolation(
      'PRV-10',
      `Entry ${entry.id} is ${entry.status}, no longer waiting; it cannot be ${what}`,
    );
  }
}

function assertMayLeave(entry: WaitlistEntryRecord, action: LeaveAction): void {
  const move = leaveTransition(entry.status, action);
  if (!move.ok) throw new RuleViolation('PRV-10', `Entry ${entry.id}: ${move.message}`);
}
