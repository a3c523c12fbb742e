import type { Client } from '@temporalio/client';
import {
  parseEvent,
  topicFor,
  type EventDefinition,
  type EventEnvelope,
} from '@platform/contracts';
import { connectTemporalClient } from '@platform/temporal';
import { infraEndpoints, testKafka, TopicProbe } from '@platform/testing';
import { startPlatform, type Platform } from '../src/index.js';

/** A running platform with what an end-to-end suite looks through: Temporal, Kafka, tokens. */
export interface EndToEnd {
  platform: Platform;
  /** A client in the platform's namespace, to find processes the way an operator would. */
  temporal: Client;
  /** Bearer tokens of the users the suite named. */
  tokens: Record<string, string>;
  /** Ids of the processes a visibility query finds, as an operator would in the Temporal UI. */
  workflowIdsMatching(query: string): Promise<string[]>;
  /** The valid envelopes of one type and aggregate seen on the watched topics so far. */
  events(type: string, aggregateId: string): EventEnvelope[];
  stop(): Promise<void>;
}

/** Starts the platform under `prefix`, watching the topics of `watched` events. */
export async function startEndToEnd(
  prefix: string,
  watched: readonly EventDefinition[],
  users: readonly string[],
): Promise<EndToEnd> {
  const platform = await startPlatform(prefix);
  const temporal = await connectTemporalClient({
    address: infraEndpoints().temporal.address,
    namespace: platform.namespace,
  });
  const topics = [...new Set(watched.map((d) => `${platform.kafkaPrefix}${topicFor(d)}`))];
  const probe = await TopicProbe.start(testKafka(prefix), topics);
  const tokens: Record<string, string> = {};
  for (const user of users) tokens[user] = await platform.token(user);
  return {
    platform,
    temporal,
    tokens,
    async workflowIdsMatching(query) {
      const found: string[] = [];
      for await (const execution of temporal.workflow.list({ query })) {
        found.push(execution.workflowId);
      }
      return found;
    },
    events: (type, aggregateId) =>
      probe.messages
        .map((message) => parseEvent(message.value))
        .flatMap((parsed) => (parsed.ok ? [parsed.envelope] : []))
        .filter((event) => event.type === type && event.aggregateId === aggregateId),
    async stop() {
      await probe.stop();
      await temporal.connection.close();
      await platform.stop();
    },
  };
}
