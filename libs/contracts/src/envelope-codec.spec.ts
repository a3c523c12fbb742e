import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createEvent, InvalidEventError, parseEvent } from './envelope-codec.js';
import { providerInquiryReceived } from './events/provider-inquiry.events.js';
import { EVENT_CATALOG } from './event-catalog.js';
import { deadLetterTopicFor, topicFor } from './event-definition.js';
import { SearchAttributes } from './search-attributes.js';

const actor = { userId: 'rm.rivera', roles: ['resource-manager' as const] };

describe('event envelope (ARCHITECTURE rule 3: events are contracts)', () => {
  it('creates an envelope that parses back to the same event', () => {
    const event = createEvent(providerInquiryReceived, {
      aggregateId: providerInquiryReceived.example.inquiryId,
      data: providerInquiryReceived.example,
      actor,
    });
    const parsed = parseEvent(JSON.stringify(event));
    expect(parsed).toEqual({ ok: true, envelope: event, definition: providerInquiryReceived });
    expect(event.correlationId).toBe(event.id);
    expect(event.causationId).toBeNull();
  });

  it('refuses to create an event whose data breaks its schema, naming the field', () => {
    expect(() =>
      createEvent(providerInquiryReceived, {
        aggregateId: 'x',
        data: { ...providerInquiryReceived.example, email: 'not-an-email' },
        actor,
      }),
    ).toThrow(InvalidEventError);
    expect(() =>
      createEvent(providerInquiryReceived, {
        aggregateId: 'x',
        data: { ...providerInquiryReceived.example, email: 'not-an-email' },
        actor,
      }),
    ).toThrow(/email/);
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    [
      'an envelope without id',
      JSON.stringify({ type: 'provider.enrolled' }),
      /invalid envelope: id/,
    ],
  ])('rejects %s on consume', (_label, raw, reason) => {
    const parsed = parseEvent(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });

  it('rejects an unknown version on consume so a breaking change cannot slip through', () => {
    const event = createEvent(providerInquiryReceived, {
      aggregateId: 'a',
      data: providerInquiryReceived.example,
      actor,
    });
    const parsed = parseEvent(JSON.stringify({ ...event, version: 9 }));
    expect(parsed).toEqual({ ok: false, reason: 'unknown event provider-inquiry.received v9' });
  });

  it('keeps every example in the catalogue valid against its own schema', () => {
    for (const definition of EVENT_CATALOG) {
      expect(definition.schema.safeParse(definition.example).success).toBe(true);
    }
  });

  it('names topics after the owning service and aggregate, with a dead-letter twin', () => {
    expect(topicFor(providerInquiryReceived)).toBe('providers.provider-inquiry');
    expect(deadLetterTopicFor('providers.provider-inquiry')).toBe('providers.provider-inquiry.dlq');
  });
});

describe('search attributes', () => {
  it('match the names and types the Temporal dev server registers', () => {
    const registered = JSON.parse(
      readFileSync(new URL('../search-attributes.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    const declared = Object.fromEntries(
      Object.values(SearchAttributes).map((key) => [key.name, key.type]),
    );
    expect(Object.keys(declared).sort()).toEqual(Object.keys(registered).sort());
    for (const [name, type] of Object.entries(registered)) {
      expect(declared[name]?.toLowerCase()).toBe(type.toLowerCase());
    }
  });
});
