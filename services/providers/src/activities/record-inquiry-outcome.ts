import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  providerEnrolled,
  providerInquiryClosed,
  providerInquiryConverted,
  type InquiryOutcomeRecorded,
  type RecordInquiryOutcomeInput,
} from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { businessRejection } from '@platform/temporal';
import { Inquiry, type InquiryRecord } from '../inquiries/inquiry.entity.js';
import { ProviderStatusChange } from '../providers/provider-status-change.entity.js';
import { Provider } from '../providers/provider.entity.js';

const STATUS_FOR = { convert: 'converted', close: 'closed' } as const;

function recorded(inquiry: InquiryRecord): InquiryOutcomeRecorded {
  return {
    inquiryId: inquiry.id,
    status: inquiry.status as 'closed' | 'converted',
    providerId: inquiry.providerId ?? null,
  };
}

/**
 * PRV-2: applies the resource manager's decision — close with a reason, or convert into an
 * enrolled provider (PRV-1) — with its events, in one transaction. Idempotent: a retry after the
 * commit finds the inquiry already decided the same way and returns the same result.
 */
export async function recordInquiryOutcome(
  orm: MikroORM,
  input: RecordInquiryOutcomeInput,
): Promise<InquiryOutcomeRecorded> {
  return orm.em.fork().transactional(async (em) => {
    const inquiry = await em.findOne(
      Inquiry,
      { id: input.inquiryId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!inquiry) {
      throw businessRejection('InquiryNotFound', `No inquiry with id ${input.inquiryId}`);
    }
    if (inquiry.status !== 'received') {
      if (inquiry.status === STATUS_FOR[input.outcome]) return recorded(inquiry);
      throw businessRejection(
        'PRV-2',
        `Inquiry ${inquiry.id} was already ${inquiry.status}; it cannot also be ${STATUS_FOR[input.outcome]}`,
      );
    }

    const actor = { userId: input.decidedBy, roles: [...input.decidedByRoles] };
    const eventContext = { actor, correlationId: input.workflowId };
    inquiry.status = STATUS_FOR[input.outcome];
    inquiry.decidedAt = new Date();
    inquiry.decidedBy = input.decidedBy;

    if (input.outcome === 'close') {
      inquiry.closeReason = input.reason;
      recordEvent(em, providerInquiryClosed, {
        ...eventContext,
        aggregateId: inquiry.id,
        data: { inquiryId: inquiry.id, reason: input.reason ?? '', decidedBy: input.decidedBy },
      });
      return recorded(inquiry);
    }

    const provider = em.create(Provider, {
      id: randomUUID(),
      name: inquiry.name,
      inquiryId: inquiry.id,
      enrolledBy: input.decidedBy,
    });
    inquiry.providerId = provider.id;
    em.create(ProviderStatusChange, {
      providerId: provider.id,
      action: 'enrol',
      fromStatus: null,
      toStatus: 'enrolled',
      reason: `converted from inquiry ${inquiry.id}`,
      actor: input.decidedBy,
    });
    recordEvent(em, providerInquiryConverted, {
      ...eventContext,
      aggregateId: inquiry.id,
      data: { inquiryId: inquiry.id, providerId: provider.id, decidedBy: input.decidedBy },
    });
    recordEvent(em, providerEnrolled, {
      ...eventContext,
      aggregateId: provider.id,
      data: { providerId: provider.id, name: provider.name, fromInquiryId: inquiry.id },
    });
    return recorded(inquiry);
  });
}
