import type { z } from 'zod';

/**
 * A versioned event contract. The topic belongs to the aggregate, not the event, so all events of
 * one aggregate share a topic keyed by aggregate id and stay ordered (ARCHITECTURE rule 3).
 */
export interface EventDefinition<
  TType extends string = string,
  TSchema extends z.ZodType = z.ZodType,
> {
  readonly type: TType;
  readonly version: number;
  readonly aggregateType: string;
  /** The service that owns the aggregate and is the only producer. */
  readonly owner: string;
  readonly description: string;
  readonly schema: TSchema;
  readonly example: z.infer<TSchema>;
}

export type EventData<D extends EventDefinition> = z.infer<D['schema']>;

export function defineEvent<const TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return definition;
}

/** `<owner>.<aggregate>` e.g. `providers.provider-inquiry`. */
export function topicFor(definition: Pick<EventDefinition, 'owner' | 'aggregateType'>): string {
  return `${definition.owner}.${definition.aggregateType}`;
}

/** Messages that cannot be processed after retries land here, so the partition moves on. */
export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

export function eventKey(definition: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${definition.type}@v${definition.version}`;
}
