import { z } from 'zod';
import { ROLES } from './roles.js';

/**
 * Every event on Kafka travels in this envelope (ADR 0004). The envelope is validated on produce
 * and on consume; `data` is validated against the schema registered for `type` + `version`.
 */
export const actorSchema = z.object({
  userId: z.string().min(1),
  displayName: z.string().optional(),
  roles: z.array(z.enum(ROLES)),
  providerId: z.string().optional(),
});

export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z
    .string()
    .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'event type like "provider.approved"'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  actor: actorSchema,
  data: z.unknown(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & {
  data: TData;
};
