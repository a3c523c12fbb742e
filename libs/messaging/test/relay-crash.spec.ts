import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '@platform/persistence';
import { eventKey, providerInquiryReceived } from '@platform/contracts';
import {
  createTestDatabase,
  createTestTopic,
  eventually,
  infraEndpoints,
  testKafka,
  TopicProbe,
  uniqueName,
  type TestDatabase,
  type TestTopic,
} from '@platform/testing';
import {
  InboxConsumer,
  messagingMigration,
  OutboxMessage,
  OutboxRelay,
  recordEvent,
} from '../src/index.js';
import { effectsMigration, EFFECT_HANDLER } from './fixtures/effects.js';

const EVENTS = 1_500;
const kafka = testKafka('relay-crash');
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
let database: TestDatabase;
let orm: Database;
let topic: TestTopic;
let probe: TopicProbe;

beforeAll(async () => {
  database = await createTestDatabase('relay_crash');
  orm = await openDatabase({
    url: database.url,
    entities: [OutboxMessage],
    migrations: [messagingMigration, effectsMigration],
  });
  topic = await createTestTopic(kafka, 'relay-crash');
  probe = await TopicProbe.start(kafka, [topic.name]);
});

afterAll(async () => {
  await probe?.stop();
  await orm?.close();
  await database?.drop();
  await topic?.drop();
});

async function commitEvents(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let batch = 0; batch < EVENTS / 100; batch += 1) {
    await orm.em.fork().transactional(async (em) => {
      for (let i = 0; i < 100; i += 1) {
        const inquiryId = randomUUID();
        const event = recordEvent(em, providerInquiryReceived, {
          aggregateId: inquiryId,
          data: { ...providerInquiryReceived.example, inquiryId },
          actor: { userId: 'test', roles: [] },
        });
        ids.add(event.id);
      }
    });
  }
  // Point the committed rows at this test's own topic, so no other consumer sees them.
  await orm.em.fork().nativeUpdate(OutboxMessage, {}, { topic: topic.name });
  return ids;
}

function startRelayProcess() {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./fixtures/run-relay.mjs', import.meta.url))],
    {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        KAFKA_BROKERS: infraEndpoints().kafka.brokers.join(','),
        RELAY_BATCH_SIZE: '10',
      },
      stdio: 'inherit',
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  return { child, exited };
}

/** How many messages the topic holds (it is this test's alone, so offsets count them). */
async function messagesOn(name: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(name);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('outbox relay crash (ARCHITECTURE rule 2: nothing lost, nothing doubled)', () => {
  it('a relay killed mid-publish loses nothing: after a restart every event is on the topic and each effect happens once', async () => {
    const ids = await commitEvents();
    const relayProcess = startRelayProcess();
    // Kill it as soon as it has published something, while most events are still unpublished.
    await probe.waitFor(() => true);
    relayProcess.child.kill('SIGKILL');
    expect(await relayProcess.exited).toBe('SIGKILL');
    const leftAfterCrash = await orm.em.fork().count(OutboxMessage, { publishedAt: null });
    expect(leftAfterCrash).toBeGreaterThan(0);

    const restarted = new OutboxRelay({ orm, kafka, logger: silent });
    await restarted.start();
    await eventually(async () =>
      expect(await orm.em.fork().count(OutboxMessage, { publishedAt: null })).toBe(0),
    );
    await restarted.stop();
    // Every committed event reaches the topic (re-sent duplicates may arrive too).
    await eventually(() => {
      const onTopic = new Set(probe.messages.map((m) => m.headers['event-id']));
      expect([...ids].filter((id) => !onTopic.has(id))).toEqual([]);
    });

    // Whatever the crash re-sent, the inbox applies each event once.
    const consumer = new InboxConsumer({
      kafka,
      orm,
      logger: silent,
      consumer: uniqueName('relay-crash'),
      topics: [topic.name],
      handlers: new Map([[eventKey(providerInquiryReceived), EFFECT_HANDLER]]),
    });
    let settled = 0;
    consumer.settled.push(() => (settled += 1));
    await consumer.start();
    const onTopicCount = await messagesOn(topic.name);
    expect(onTopicCount).toBeGreaterThanOrEqual(EVENTS);
    await eventually(() => expect(settled).toBe(onTopicCount));
    await consumer.stop();
    const [effects] = await orm.em
      .fork()
      .execute<{ total: string; distinct: string }[]>(
        'select count(*) as total, count(distinct event_id) as distinct from effect',
      );
    expect(effects).toEqual({ total: String(EVENTS), distinct: String(EVENTS) });
  });
});
