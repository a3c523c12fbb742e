import { expect } from '@jest/globals';
import type { ProvidersApp } from './providers-app.js';
import type { Problem } from './types.js';

/** Assertions the suites share: problem+json refusals, role refusals and the outbox. */

/** A refusal answered as problem+json, naming the rule and the field when they are given. */
export function expectProblem(
  response: { status: number; contentType: string; body?: unknown },
  status: number,
  { rule, field }: { rule?: string; field?: string } = {},
): void {
  expect(response.status).toBe(status);
  expect(response.contentType).toContain('application/problem+json');
  const problem = response.body as Problem | undefined;
  if (rule) expect(problem?.rule).toBe(rule);
  if (field) expect(problem?.errors?.map((error) => error.field)).toContain(field);
}

/** ROLE: every one of `users` is refused with 403; a failure names the user. */
export async function expectForbiddenFor(
  users: readonly string[],
  send: (user: string) => Promise<{ status: number }>,
): Promise<void> {
  for (const user of users) {
    expect({ user, status: (await send(user)).status }).toEqual({ user, status: 403 });
  }
}

/** How many events the transactional outbox holds (ADR 0005: written with the change, or never). */
export async function outboxSize(app: ProvidersApp): Promise<number> {
  const [row] = await app.query<{ n: number }>('select count(*)::int as n from outbox_message');
  return row!.n;
}

/** Runs a request and proves it recorded no event: the outbox holds as many as before. */
export async function withoutEvents<R>(app: ProvidersApp, send: () => Promise<R>): Promise<R> {
  const before = await outboxSize(app);
  const reply = await send();
  expect(await outboxSize(app)).toBe(before);
  return reply;
}

/** The event types the outbox holds for one aggregate, in the order they were written. */
export async function outboxTypes(app: ProvidersApp, aggregateId: string): Promise<string[]> {
  const rows = await app.query<{ event_type: string }>(
    'select event_type from outbox_message where message_key = $1 order by seq',
    [aggregateId],
  );
  return rows.map((row) => row.event_type);
}
