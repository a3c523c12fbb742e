import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '@platform/persistence';
import {
  createEvent,
  deadLetterTopicFor,
  eventKey,
  providerInquiryReceived,
  type EventEnvelope,
} from '@platform/contracts';
import {
  createTestDatabase,
  createTestTopic,
  eventually,
  testKafka,
  TopicProbe,
  uniqueName,
  type TestDatabase,
  type TestTopic,
} from '@platform/testing';
import {
  createIdempotentProducer,
  InboxConsumer,
  messagingMigration,
  OutboxMessage,
  OutboxRelay,
  recordEvent,
  type DeliveryOutcome,
  type InboxHandler,
} from '../src/index.js';
import { EFFECT_HANDLER, effectsMigration } from './fixtures/effects.js';

const actor = { userId: 'rm.rivera', roles: ['resource-manager' as const] };
/** Messaging logs errors instead of throwing them; the tests fail on any that was not expected. */
const loggedErrors: string[] = [];
const quietLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: (message: string, error?: unknown) => loggedErrors.push(`${message}: ${String(error)}`),
};
const kafka = testKafka('messaging-tests');

let database: TestDatabase;
let orm: Database;
let probe: TopicProbe;
/** This suite's own topic: the relay's rows are re-addressed to it, consumers read only it. */
let topic: string;
let testTopic: TestTopic;

function inquiryEvent(): EventEnvelope {
  const inquiryId = randomUUID();
  return createEvent(providerInquiryReceived, {
    aggregateId: inquiryId,
    data: { ...providerInquiryReceived.example, inquiryId },
    actor,
  });
}

async function commitInquiryEvent(): Promise<EventEnvelope> {
  const inquiryId = randomUUID();
  const event = await orm.em.fork().transactional(async (em) =>
    recordEvent(em, providerInquiryReceived, {
      aggregateId: inquiryId,
      data: { ...providerInquiryReceived.example, inquiryId },
      actor,
    }),
  );
  await orm.em.fork().nativeUpdate(OutboxMessage, { id: event.id }, { topic });
  return event;
}

function relay(): OutboxRelay {
  return new OutboxRelay({ orm, kafka, logger: quietLogger });
}

async function effectsFor(eventId: string): Promise<number> {
  const rows = await orm.em
    .fork()
    .execute<{ n: string }[]>('select count(*) as n from effect where event_id = ?', [eventId]);
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  database = await createTestDatabase('messaging');
  orm = await openDatabase({
    url: database.url,
    entities: [OutboxMessage],
    migrations: [messagingMigration, effectsMigration],
  });
  testTopic = await createTestTopic(kafka, 'messaging', { withDeadLetter: true });
  topic = testTopic.name;
  probe = await TopicProbe.start(kafka, [topic, testTopic.deadLetter]);
});

afterAll(async () => {
  await probe?.stop();
  await orm?.close();
  await database?.drop();
  await testTopic?.drop();
});

describe('transactional outbox (ARCHITECTURE rule 2)', () => {
  afterEach(() => expect(loggedErrors.splice(0)).toEqual([]));

  it('an event committed while the relay is down is published exactly once after it restarts', async () => {
    const event = await commitInquiryEvent();
    const pending = await orm.em.fork().findOneOrFail(OutboxMessage, { id: event.id });
    expect(pending.publishedAt).toBeNull();

    const restarted = relay();
    await restarted.start();
    const [published] = await probe.waitFor((m) => m.headers['event-id'] === event.id);
    await restarted.stop();

    // Another restart finds nothing left to send: the mark committed with the publish.
    const again = relay();
    await again.start();
    await again.stop();
    expect(await orm.em.fork().count(OutboxMessage, { publishedAt: null })).toBe(0);
    expect(probe.messages.filter((m) => m.headers['event-id'] === event.id)).toHaveLength(1);
    expect(published?.key).toBe(event.aggregateId);
    expect(JSON.parse(published?.value ?? '')).toEqual(event);
  });

  it('a rolled-back state change leaves no event behind', async () => {
    const eventId = await orm.em
      .fork()
      .transactional(async (em) => {
        const event = recordEvent(em, providerInquiryReceived, {
          aggregateId: 'a',
          data: { ...providerInquiryReceived.example, inquiryId: randomUUID() },
          actor,
        });
        await em.flush();
        throw Object.assign(new Error('business rule failed'), { eventId: event.id });
      })
      .catch((error: Error & { eventId: string }) => error.eventId);
    expect(await orm.em.fork().count(OutboxMessage, { id: eventId })).toBe(0);
  });

  it('two relays running at once publish every event exactly once', async () => {
    const events = [];
    for (let i = 0; i < 40; i += 1) events.push(await commitInquiryEvent());
    const relays = [relay(), relay()];
    await Promise.all(relays.map((r) => r.start()));
    const ids = new Set(events.map((e) => e.id));
    await probe.waitFor((m) => ids.has(m.headers['event-id'] ?? ''), events.length);
    await Promise.all(relays.map((r) => r.stop()));

    const seen = probe.messages.filter((m) => ids.has(m.headers['event-id'] ?? ''));
    expect(seen.map((m) => m.headers['event-id']).sort()).toEqual(events.map((e) => e.id).sort());
  });
});

describe('inbox consumer (ARCHITECTURE rule 2: effects exactly once)', () => {
  const outcomes: [DeliveryOutcome, string | null][] = [];
  let consumer: InboxConsumer;
  let failingEventId = '';

  const recordEffect: InboxHandler = async (envelope, em) => {
    if (envelope.id === failingEventId) throw new Error('downstream refused this event');
    await EFFECT_HANDLER(envelope, em);
  };

  beforeAll(async () => {
    consumer = new InboxConsumer({
      kafka,
      orm,
      logger: quietLogger,
      consumer: uniqueName('inbox-test'),
      topics: [topic],
      handlers: new Map([[eventKey(providerInquiryReceived), recordEffect]]),
      maxAttempts: 2,
      retryBackoffMs: 10,
    });
    consumer.settled.push((outcome, id) => outcomes.push([outcome, id]));
    await consumer.start();
  });

  afterAll(async () => consumer?.stop());

  async function send(key: string, value: string, eventId: string | null): Promise<void> {
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    await producer.send({
      topic,
      messages: [{ key, value, headers: eventId ? { 'event-id': eventId } : {} }],
    });
    await producer.disconnect();
  }

  it('a redelivered event changes nothing', async () => {
    const event = inquiryEvent();
    await send(event.aggregateId, JSON.stringify(event), event.id);
    await send(event.aggregateId, JSON.stringify(event), event.id);

    await eventually(() =>
      expect(outcomes.filter(([, id]) => id === event.id).map(([o]) => o)).toEqual([
        'processed',
        'duplicate',
      ]),
    );
    expect(await effectsFor(event.id)).toBe(1);
  });

  it('a poison message goes to the dead-letter topic and the partition moves on', async () => {
    const key = randomUUID();
    const poisonId = randomUUID();
    const next = inquiryEvent();
    await send(key, '{"this is": "not an envelope"', poisonId);
    await send(key, JSON.stringify(next), next.id);

    const [dead] = await probe.waitFor(
      (m) => m.topic === deadLetterTopicFor(topic) && m.headers['event-id'] === poisonId,
    );
    expect(dead?.headers['dlq-reason']).toMatch(/not JSON/);
    expect(dead?.headers['dlq-source']).toMatch(new RegExp(`^${topic}/\\d+/\\d+$`));
    await eventually(async () => expect(await effectsFor(next.id)).toBe(1));
  });

  it('an event whose handler keeps failing is dead-lettered after its retries, with the reason', async () => {
    const failing = inquiryEvent();
    failingEventId = failing.id;
    const after = inquiryEvent();
    await send('same-key', JSON.stringify(failing), failing.id);
    await send('same-key', JSON.stringify(after), after.id);

    const [dead] = await probe.waitFor(
      (m) => m.topic === deadLetterTopicFor(topic) && m.headers['event-id'] === failing.id,
    );
    expect(dead?.headers['dlq-reason']).toBe('downstream refused this event');
    await eventually(async () => expect(await effectsFor(after.id)).toBe(1));
    expect(await effectsFor(failing.id)).toBe(0);
  });
});
