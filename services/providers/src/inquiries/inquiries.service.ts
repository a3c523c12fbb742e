import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { providerInquiryReceived, type Actor } from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { NotFoundProblem, type Page } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { containsPattern } from '../shared/name-search.js';
import { findPage } from '@platform/persistence';
import { Inquiry, type InquiryRecord } from './inquiry.entity.js';
import {
  inquiryQueueEntry,
  lastOverdueReceiptDay,
  type InquiryQueueEntry,
} from './inquiry-work-queue.js';
import type {
  InquiryWorkQueueQuery,
  ListInquiriesQuery,
  SubmitInquiryBody,
} from './inquiry.schemas.js';

@Injectable()
export class InquiriesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** PRV-2: stores the inquiry and, in the same transaction, the event that starts its triage. */
  async submit(
    body: SubmitInquiryBody,
    source: 'staff' | 'guest',
    actor: Actor,
    correlationId?: string,
  ): Promise<InquiryRecord> {
    return this.orm.em.fork().transactional(async (em) => {
      const inquiry = em.create(Inquiry, {
        id: randomUUID(),
        name: body.name,
        email: body.email ?? null,
        phone: body.phone ?? null,
        source,
        submittedBy: actor.userId,
      });
      recordEvent(em, providerInquiryReceived, {
        aggregateId: inquiry.id,
        actor,
        ...(correlationId ? { correlationId } : {}),
        data: {
          inquiryId: inquiry.id,
          name: inquiry.name,
          email: inquiry.email ?? null,
          phone: inquiry.phone ?? null,
          source,
        },
      });
      return inquiry;
    });
  }

  async get(id: string): Promise<InquiryRecord> {
    const inquiry = await this.orm.em.fork().findOne(Inquiry, { id });
    if (!inquiry) throw new NotFoundProblem('Inquiry', id);
    return inquiry;
  }

  async list(query: ListInquiriesQuery): Promise<Page<InquiryRecord>> {
    const where = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.source ? { source: query.source } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      Inquiry,
      where,
      query,
      { createdAt: 'desc', id: 'asc' },
      (inquiry) => inquiry,
    );
  }

  /**
   * PRV-2: the inquiry work queue — inquiries nobody has converted or closed yet, oldest first, with
   * the day a decision is due and whether it is overdue on `asOf`.
   */
  async workQueue(
    query: InquiryWorkQueueQuery,
    decisionDays: number,
    asOf: CalendarDate,
  ): Promise<Page<InquiryQueueEntry>> {
    // Overdue ⇔ received on or before the cut-off day; compared as instants at the next midnight UTC.
    const firstNotOverdue = new Date(`${lastOverdueReceiptDay(asOf, decisionDays)}T00:00:00Z`);
    firstNotOverdue.setUTCDate(firstNotOverdue.getUTCDate() + 1);
    const where = {
      status: 'received' as const,
      ...(query.source ? { source: query.source } : {}),
      ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}),
      ...(query.overdue === true ? { createdAt: { $lt: firstNotOverdue } } : {}),
      ...(query.overdue === false ? { createdAt: { $gte: firstNotOverdue } } : {}),
    };
    return findPage(
      this.orm.em.fork(),
      Inquiry,
      where,
      query,
      { createdAt: 'asc', id: 'asc' },
      (inquiry) => inquiryQueueEntry(inquiry, decisionDays, asOf),
    );
  }
}
