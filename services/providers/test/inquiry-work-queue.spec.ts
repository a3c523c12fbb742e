import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, type CalendarDate } from '@platform/kernel';
import { expectProblem } from './support/expectations.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';

interface QueuePage {
  items: { id: string; name: string; source: string; decisionDueOn: string; overdue: boolean }[];
  total: number;
}

let app: ProvidersApp;
const today = new Date().toISOString().slice(0, 10) as CalendarDate;

beforeAll(async () => {
  app = await startProvidersApp();
});

afterAll(async () => {
  await app?.close();
});

async function submit(name: string, asGuest = false): Promise<string> {
  const response = await app.request<{ id: string }>(
    'POST',
    asGuest ? '/self-service/inquiries' : '/inquiries',
    { user: asGuest ? undefined : 'rm.rivera', body: { name, email: 'info@example.org' } },
  );
  expect(response.status).toBe(201);
  return response.body.id;
}

const queue = (query: string, user = 'rm.rivera') =>
  app.request<QueuePage>('GET', `/inquiries/work-queue?${query}`, { user });

describe('the inquiry work queue (PRV-2)', () => {
  it('PRV-2: staff and guest inquiries land in one queue, oldest first, until decided', async () => {
    const first = await submit('Queue Maple Foster Home');
    const second = await submit('Queue Birch Day Care', true);
    const decided = await submit('Queue Decided Therapy');
    await app.query("update inquiry set status = 'closed' where id = $1", [decided]);

    const page = await queue('name=queue');
    expect(page.status).toBe(200);
    expect(page.body.items.map((item) => item.id)).toEqual([first, second]);
    expect(page.body.items.map((item) => item.source)).toEqual(['staff', 'guest']);
    expect(page.body.total).toBe(2);

    const guests = await queue('name=queue&source=guest');
    expect(guests.body.items.map((item) => item.id)).toEqual([second]);
  });

  it('PRV-2: an inquiry not decided within the configured days shows as overdue', async () => {
    const id = await submit('Overdue Oak Shelter');
    const dueOn = addDays(today, 5); // INQUIRY_DECISION_DAYS defaults to 5
    const onDueDay = await queue(`name=overdue%20oak&asOf=${dueOn}`);
    expect(onDueDay.body.items).toEqual([
      expect.objectContaining({ id, decisionDueOn: dueOn, overdue: false }),
    ]);
    expect((await queue(`name=overdue%20oak&asOf=${dueOn}&overdue=true`)).body.total).toBe(0);

    const dayAfter = addDays(dueOn, 1);
    const late = await queue(`name=overdue%20oak&asOf=${dayAfter}&overdue=true`);
    expect(late.body.items).toEqual([expect.objectContaining({ id, overdue: true })]);
    expect((await queue(`name=overdue%20oak&asOf=${dayAfter}&overdue=false`)).body.total).toBe(0);
  });

  it('PRV-2: a malformed filter is a 400 naming it, and case workers may not see the queue', async () => {
    const bad = await queue('asOf=2026-02-30&overdue=maybe');
    expectProblem(bad, 400);
    expect(JSON.stringify(bad.body)).toContain('asOf');
    expect(JSON.stringify(bad.body)).toContain('overdue');
    expect((await queue('', 'cw.chen')).status).toBe(403);
  });
});
