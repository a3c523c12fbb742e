import { Controller, type Type } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventData, EventDefinition, EventEnvelope } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import { OnEvent, type InboxContext } from './kafka-inbox.server.js';

/** One event and what to do with it in its inbox transaction. */
export interface EventHandlerEntry {
  event: EventDefinition;
  handle(em: EntityManager, envelope: EventEnvelope): Promise<unknown>;
}

/** Pairs an event with its handler, typed by the event's schema. */
export function on<D extends EventDefinition>(
  event: D,
  handle: (em: EntityManager, envelope: EventEnvelope<EventData<D>>) => Promise<unknown>,
): EventHandlerEntry {
  return { event, handle: handle as EventHandlerEntry['handle'] };
}

/**
 * A consumer controller built from a list of (event, handler) pairs — what a hand-written class
 * with one `@OnEvent` method per event would be, without the boilerplate each service repeated for
 * its projections (ARCHITECTURE rule 1). Each handler runs in the inbox transaction of its event
 * (rule 2), with that transaction's EntityManager. For handlers that need injected services, write
 * the class by hand.
 */
export function eventConsumer(name: string, entries: readonly EventHandlerEntry[]): Type {
  const consumer = { [name]: class {} }[name] as Type;
  Controller()(consumer);
  entries.forEach(({ event, handle }, index) => {
    const key = `on${index}_${event.type.replaceAll(/[^a-z0-9]/gi, '_')}`;
    const method = (envelope: EventEnvelope, context: InboxContext) => handle(context.em, envelope);
    Object.defineProperty(consumer.prototype, key, {
      value: method,
      writable: true,
      configurable: true,
    });
    Payload()(consumer.prototype, key, 0);
    Ctx()(consumer.prototype, key, 1);
    const descriptor = Object.getOwnPropertyDescriptor(consumer.prototype, key);
    if (!descriptor) throw new Error(`${name}.${key} was not defined`);
    OnEvent(event)(consumer.prototype, key, descriptor);
  });
  return consumer;
}
