import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from './roles.js';
import type { EventDefinition } from './event-definition.js';
import { envelopeSchema, type EventEnvelope } from './envelope.js';
import { findEventDefinition } from './event-catalog.js';

export interface NewEventInput<TData> {
  aggregateId: string;
  data: TData;
  actor: Actor;
  /** The request or process this event belongs to; defaults to the event's own id. */
  correlationId?: string;
  /** The event or command that caused this one. */
  causationId?: string | null;
  occurredAt?: Date;
}

export class InvalidEventError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Builds an envelope and checks it against the contract before it can reach the outbox. */
export function createEvent<D extends EventDefinition>(
  definition: D,
  input: NewEventInput<z.infer<D['schema']>>,
): EventEnvelope<z.infer<D['schema']>> {
  const id = randomUUID();
  const envelope = {
    id,
    type: definition.type,
    version: definition.version,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    aggregateType: definition.aggregateType,
    aggregateId: input.aggregateId,
    // An empty header value means "none", not an id.
    correlationId: input.correlationId || id,
    causationId: input.causationId ?? null,
    actor: { ...input.actor, roles: [...input.actor.roles] },
    data: input.data,
  };
  const data = definition.schema.safeParse(input.data);
  if (!data.success) {
    throw new InvalidEventError(
      `${definition.type} v${definition.version}`,
      describeIssues(data.error),
    );
  }
  const checked = envelopeSchema.safeParse(envelope);
  if (!checked.success) {
    throw new InvalidEventError('event envelope', describeIssues(checked.error));
  }
  return { ...envelope, data: data.data as z.infer<D['schema']> };
}

export type ParsedEvent =
  | { ok: true; envelope: EventEnvelope; definition: EventDefinition }
  | { ok: false; reason: string };

/** Validates what came off the wire: envelope shape, a known contract, and the data schema. */
export function parseEvent(raw: string | Buffer | null): ParsedEvent {
  if (raw === null) return { ok: false, reason: 'empty message' };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error).join('; ')}` };
  }
  const definition = findEventDefinition(envelope.data.type, envelope.data.version);
  if (!definition) {
    return { ok: false, reason: `unknown event ${envelope.data.type} v${envelope.data.version}` };
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) {
    return { ok: false, reason: `invalid data: ${describeIssues(data.error).join('; ')}` };
  }
  return { ok: true, envelope: { ...envelope.data, data: data.data }, definition };
}
