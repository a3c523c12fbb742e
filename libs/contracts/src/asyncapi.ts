import { z } from 'zod';
import { EVENT_CATALOG } from './event-catalog.js';
import { eventKey, topicFor, type EventDefinition } from './event-definition.js';
import { envelopeSchema } from './envelope.js';

const messageId = (definition: EventDefinition) => eventKey(definition).replace('@', '.');
const channelId = (topic: string) => topic.replace(/\./g, '-');

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any' });
  return rest;
}

/**
 * The event catalogue as an AsyncAPI 3.0 document (ARCHITECTURE rule 3): one channel per topic,
 * one message per event type and version, each payload the envelope with its data schema.
 */
export function buildAsyncApiDocument(catalog: readonly EventDefinition[] = EVENT_CATALOG) {
  const envelope = jsonSchema(envelopeSchema);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  for (const topic of [...new Set(catalog.map(topicFor))].sort()) {
    const definitions = catalog.filter((definition) => topicFor(definition) === topic);
    const refs = Object.fromEntries(
      definitions.map((d) => [messageId(d), { $ref: `#/components/messages/${messageId(d)}` }]),
    );
    channels[channelId(topic)] = {
      address: topic,
      description: `Events of the ${definitions[0]?.aggregateType} aggregate, keyed by aggregate id.`,
      messages: refs,
    };
    operations[`${definitions[0]?.owner}-publishes-${channelId(topic)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId(topic)}` },
      messages: Object.keys(refs).map((id) => ({
        $ref: `#/channels/${channelId(topic)}/messages/${id}`,
      })),
    };
  }
  for (const definition of catalog) {
    messages[messageId(definition)] = {
      name: definition.type,
      title: `${definition.type} v${definition.version}`,
      summary: definition.description,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: { 'event-id': { type: 'string' }, 'event-type': { type: 'string' } },
      },
      payload: {
        ...envelope,
        properties: {
          ...(envelope['properties'] as Record<string, unknown>),
          type: { const: definition.type },
          version: { const: definition.version },
          aggregateType: { const: definition.aggregateType },
          data: jsonSchema(definition.schema),
        },
      },
      examples: [{ name: 'example', payload: { data: definition.example } }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Provider platform events',
      version: '1',
      description: 'Facts the services publish on Kafka. Generated from libs/contracts.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
