import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RecordInquiryOutcomeInput } from '@platform/contracts';
import { recordInquiryOutcome } from '../src/activities/record-inquiry-outcome.js';
import { InquiriesService } from '../src/inquiries/inquiries.service.js';
import { Inquiry } from '../src/inquiries/inquiry.entity.js';
import { Provider } from '../src/providers/provider.entity.js';
import {
  outboxEventTypes,
  startProvidersDatabase,
  type ProvidersDatabase,
} from './support/providers-database.js';

let database: ProvidersDatabase;
let orm: MikroORM;
let inquiries: InquiriesService;
const staff = { userId: 'rm.rivera', roles: ['resource-manager' as const] };

beforeAll(async () => {
  database = await startProvidersDatabase('providers_outcome');
  orm = database.orm;
  inquiries = new InquiriesService(orm);
});

afterAll(async () => {
  await database?.close();
});

async function newInquiry(): Promise<string> {
  const inquiry = await inquiries.submit({ name: 'Sunrise', email: 'a@b.example' }, 'staff', staff);
  return inquiry.id;
}

function decision(inquiryId: string, overrides: Partial<RecordInquiryOutcomeInput> = {}) {
  return {
    inquiryId,
    outcome: 'convert' as const,
    reason: null,
    decidedBy: 'rm.rivera',
    decidedByRoles: ['resource-manager' as const],
    workflowId: `inquiry-triage/${inquiryId}`,
    ...overrides,
  };
}

const eventTypesFor = (aggregateIds: string[]) => outboxEventTypes(orm, aggregateIds);

describe('recording the inquiry decision (PRV-2)', () => {
  it('PRV-2: submitting an inquiry stores it and its received event in one transaction', async () => {
    const id = await newInquiry();
    expect(await eventTypesFor([id])).toEqual(['provider-inquiry.received']);
  });

  it('PRV-1: converting enrols one provider, and a retried activity changes nothing', async () => {
    const id = await newInquiry();
    const first = await recordInquiryOutcome(orm, decision(id));
    const retried = await recordInquiryOutcome(orm, decision(id));

    expect(retried).toEqual(first);
    expect(first).toMatchObject({ inquiryId: id, status: 'converted' });
    const em = orm.em.fork();
    expect(await em.count(Provider, { inquiryId: id })).toBe(1);
    expect(await em.findOneOrFail(Provider, { id: first.providerId! })).toMatchObject({
      status: 'enrolled',
      enrolledBy: 'rm.rivera',
    });
    expect(await eventTypesFor([id, first.providerId!])).toEqual([
      'provider-inquiry.received',
      'provider-inquiry.converted',
      'provider.enrolled',
    ]);
  });

  it('PRV-2: closing keeps the reason and announces it', async () => {
    const id = await newInquiry();
    await recordInquiryOutcome(orm, decision(id, { outcome: 'close', reason: 'Outside our area' }));
    expect(await orm.em.fork().findOneOrFail(Inquiry, { id })).toMatchObject({
      status: 'closed',
      closeReason: 'Outside our area',
      decidedBy: 'rm.rivera',
      providerId: null,
    });
    expect(await eventTypesFor([id])).toEqual([
      'provider-inquiry.received',
      'provider-inquiry.closed',
    ]);
  });

  it('PRV-2: a decided inquiry refuses the other outcome, non-retryably, and nothing changes', async () => {
    const id = await newInquiry();
    await recordInquiryOutcome(orm, decision(id, { outcome: 'close', reason: 'Duplicate' }));
    await expect(recordInquiryOutcome(orm, decision(id))).rejects.toMatchObject({
      type: 'PRV-2',
      nonRetryable: true,
    });
    expect(await orm.em.fork().count(Provider, { inquiryId: id })).toBe(0);
  });

  it('an unknown inquiry is a non-retryable failure', async () => {
    await expect(recordInquiryOutcome(orm, decision(randomUUID()))).rejects.toMatchObject({
      type: 'InquiryNotFound',
      nonRetryable: true,
    });
  });
});
