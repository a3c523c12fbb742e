import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { providerInquiryReceived, type Actor } from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { NotFoundProblem, type Page } from '@platform/http';
import { Inquiry, type InquiryRecord } from './inquiry.entity.js';
import type { ListInquiriesQuery, SubmitInquiryBody } from './inquiry.schemas.js';

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
    const [items, total] = await this.orm.em.fork().findAndCount(Inquiry, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
