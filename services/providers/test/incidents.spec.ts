import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectProblem } from './support/expectations.js';
import {
  addMember,
  enrolProvider,
  insertDemoProvider,
  postCreated,
  UNKNOWN_ID,
} from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Page, Problem } from './support/types.js';
import {
  ADMIN,
  CASE_WORKER,
  FACILITY_MANAGER,
  FINANCE,
  OPERATOR,
  PROVIDER_USER,
  RM,
  SUPERVISOR,
} from './support/users.js';

let app: ProvidersApp;

/** Every incident the suite recorded: no other incident event may ever be published. */
const recordedIncidents = new Set<string>();

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app); // SS-3
});
afterAll(() => app?.close());

type Participant = {
  id: string;
  kind: string;
  role: string;
  providerId: string | null;
  memberId: string | null;
  clientReferenceId: string | null;
  name: string;
};
type Incident = {
  id: string;
  providerId: string;
  providerIds: string[];
  reportedByGroupId: string | null;
  occurredOn: string;
  type: string;
  severity: string;
  status: string;
  closeReason: string | null;
  reopenReason: string | null;
  participants: Participant[];
  injuries: { id: string }[];
  restraints: { id: string; durationMinutes: number; kind: string }[];
  staffActions: { id: string; action: string }[];
  investigations?: { id: string; type: string; status: string }[];
  awaitingInvestigation?: boolean;
};
type Investigation = {
  id: string;
  providerId: string;
  status: string;
  outcome: string | null;
  findings: string | null;
  incidentIds: string[];
};

const providerParticipant = (providerId: string, role = 'other') => ({
  kind: 'provider',
  role,
  providerId,
});
const clientParticipant = (ref: string, role = 'victim') => ({
  kind: 'client',
  role,
  clientReferenceId: ref,
  name: `Client ${ref}`,
});

function incidentBody(providerId: string, overrides: Record<string, unknown> = {}) {
  return {
    providerId,
    reportedAt: '2026-03-02T18:30:00Z',
    occurredOn: '2026-03-02',
    location: 'Dormitory B',
    description: 'Two residents fought; staff intervened.',
    type: 'assault',
    category: 'client-to-client',
    severity: 'high',
    participants: [
      providerParticipant(providerId),
      clientParticipant('CL-1', 'victim'),
      clientParticipant('CL-2', 'perpetrator'),
    ],
    ...overrides,
  };
}

function record(body: unknown, user = RM) {
  return app.request<Incident & Problem>('POST', '/incidents', { user, body });
}

async function recorded(body: unknown, user = RM): Promise<Incident> {
  const response = await record(body, user);
  expect(response.status).toBe(201);
  recordedIncidents.add(response.body.id);
  return response.body;
}

function post<T = Record<string, unknown>>(path: string, body: unknown, user = RM) {
  return app.request<T & Problem>('POST', path, { user, body });
}

/** A failed create published nothing: every incident event belongs to an incident that exists. */
async function expectOnlyRecordedIncidentsAnnounced(latest: string) {
  await app.expectEvents(latest, ['incident.recorded']);
  const topic = `${app.kafkaPrefix}providers.incident`;
  const keys = app.events.messages.filter((m) => m.topic === topic).map((m) => m.key);
  expect(keys.filter((key) => !recordedIncidents.has(key as string))).toEqual([]);
}

describe('recording incidents (INC-1)', () => {
  it('INC-1: an incident with the provider, a member and clients is recorded and announced once', async () => {
    const providerId = await enrolProvider(app, 'Hillside Youth Centre');
    const memberId = await addMember(app, providerId, 'Ben Carter');
    const incident = await recorded(
      incidentBody(providerId, {
        participants: [
          providerParticipant(providerId),
          clientParticipant('CL-1', 'victim'),
          clientParticipant('CL-2', 'perpetrator'),
          { kind: 'member', role: 'witness', memberId },
          { kind: 'other', role: 'reporter', name: 'Night guard' },
        ],
      }),
    );
    expect(incident).toMatchObject({
      providerId,
      providerIds: [providerId],
      status: 'open',
      closeReason: null,
      type: 'assault',
      investigations: [],
      awaitingInvestigation: false,
    });
    expect(incident.participants.map((p) => [p.kind, p.role, p.name])).toEqual([
      ['provider', 'other', 'Hillside Youth Centre'],
      ['client', 'victim', 'Client CL-1'],
      ['client', 'perpetrator', 'Client CL-2'],
      ['member', 'witness', 'Ben Carter'],
      ['other', 'reporter', 'Night guard'],
    ]);

    const [event] = await app.expectEvents(incident.id, ['incident.recorded']);
    expect(event).toMatchObject({
      version: 1,
      aggregateType: 'incident',
      aggregateId: incident.id,
      actor: { userId: RM },
      data: {
        incidentId: incident.id,
        providerId,
        providerIds: [providerId],
        reportedByGroupId: null,
        type: 'assault',
        category: 'client-to-client',
        severity: 'high',
        occurredOn: '2026-03-02',
        memberCount: 1,
        clientCount: 2,
      },
    });

    for (const user of [CASE_WORKER, OPERATOR, FINANCE, FACILITY_MANAGER]) {
      const read = await app.request<Incident>('GET', `/incidents/${incident.id}`, { user });
      expect(read).toMatchObject({ status: 200, body: { id: incident.id } });
    }
  });

  it('INC-1: an incident whose provider is not a participant is refused with 422 naming INC-1, and nothing is announced', async () => {
    const providerId = await enrolProvider(app, 'Not Participating Home');
    const otherProvider = await enrolProvider(app, 'Elsewhere Home');
    const refused = await record(
      incidentBody(providerId, {
        participants: [providerParticipant(otherProvider), clientParticipant('CL-9')],
      }),
    );
    expectProblem(refused, 422, { rule: 'INC-1', field: 'participants' });
    expect(refused.body.errors?.[0]?.message).toMatch(/^INC-1: .*must be one of its participants/);

    const list = await app.request<Page<Incident>>('GET', `/incidents?providerId=${providerId}`, {
      user: RM,
    });
    expect(list.body.total).toBe(0);
    const later = await recorded(incidentBody(providerId));
    await expectOnlyRecordedIncidentsAnnounced(later.id);
  });

  it('INC-1: an incident involving neither members nor clients is refused with 422 naming INC-1', async () => {
    const providerId = await enrolProvider(app, 'Bystander Home');
    const refused = await record(
      incidentBody(providerId, {
        participants: [
          providerParticipant(providerId),
          { kind: 'other', role: 'witness', name: 'Passer-by' },
        ],
      }),
    );
    expectProblem(refused, 422, { rule: 'INC-1', field: 'participants' });
    expect(refused.body.errors?.[0]?.message).toMatch(/members, clients or both/);
  });

  it('INC-1: the same participant twice in one role is refused naming the entry', async () => {
    const providerId = await enrolProvider(app, 'Twice Home');
    const refused = await record(
      incidentBody(providerId, {
        participants: [
          providerParticipant(providerId),
          clientParticipant('CL-1'),
          clientParticipant('CL-1'),
        ],
      }),
    );
    expectProblem(refused, 422, { rule: 'INC-1', field: 'participants.2.clientReferenceId' });
  });

  it('bad input: unknown member, missing fields, impossible dates are 400 naming the field', async () => {
    const providerId = await enrolProvider(app, 'Bad Input Home');
    const unknownMember = await record(
      incidentBody(providerId, {
        participants: [
          providerParticipant(providerId),
          { kind: 'member', role: 'perpetrator', memberId: UNKNOWN_ID },
        ],
      }),
    );
    expectProblem(unknownMember, 400, { field: 'participants.1.memberId' });

    const { type: _type, ...withoutType } = incidentBody(providerId);
    expectProblem(await record(withoutType), 400, { field: 'type' });
    expectProblem(await record(incidentBody(providerId, { severity: 'catastrophic' })), 400, {
      field: 'severity',
    });
    expectProblem(await record(incidentBody(providerId, { occurredOn: '2026-03-03' })), 400, {
      field: 'occurredOn',
    });
    expectProblem(
      await record(incidentBody(providerId, { participants: [{ kind: 'alien', role: 'victim' }] })),
      400,
      { field: 'participants.0.kind' },
    );
    expectProblem(await app.request('GET', `/incidents/${UNKNOWN_ID}`, { user: RM }), 404);
    expectProblem(await app.request('GET', '/incidents/not-a-uuid', { user: RM }), 400, {
      field: 'id',
    });
    expectProblem(
      await app.request('GET', '/incidents?occurredFrom=2026-03-10&occurredTo=2026-03-01', {
        user: RM,
      }),
      400,
      { field: 'occurredTo' },
    );
  });

  it('INC-1: incidents are listed by provider, type, category, severity and occurrence period, latest first', async () => {
    const providerId = await enrolProvider(app, 'Listed Home');
    const first = await recorded(
      incidentBody(providerId, { occurredOn: '2026-02-01', reportedAt: '2026-02-01T09:00:00Z' }),
    );
    const second = await recorded(
      incidentBody(providerId, {
        occurredOn: '2026-02-10',
        reportedAt: '2026-02-11T09:00:00Z',
        type: 'medication-error',
        category: 'staff-to-client',
        severity: 'low',
      }),
    );
    const list = async (query: string) =>
      (
        await app.request<Page<Incident>>('GET', `/incidents?providerId=${providerId}${query}`, {
          user: OPERATOR,
        })
      ).body;
    expect((await list('')).items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect((await list('&type=medication-error')).items.map((i) => i.id)).toEqual([second.id]);
    expect((await list('&category=client-to-client')).items.map((i) => i.id)).toEqual([first.id]);
    expect((await list('&severity=high')).items.map((i) => i.id)).toEqual([first.id]);
    expect((await list('&occurredFrom=2026-02-02&occurredTo=2026-02-10')).total).toBe(1);
    expect((await list('&status=closed')).total).toBe(0);
    const paged = await list('&limit=1&offset=1');
    expect(paged).toMatchObject({ total: 2, items: [{ id: first.id, providerIds: [providerId] }] });
  });
});

describe('participants, injuries, restraints and staff actions (INC-1)', () => {
  it('INC-1: participants are added and removed; the provider and the last member or client stay', async () => {
    const providerId = await enrolProvider(app, 'Participants Home');
    const incident = await recorded(
      incidentBody(providerId, {
        participants: [providerParticipant(providerId), clientParticipant('CL-1')],
      }),
    );
    const path = `/incidents/${incident.id}/participants`;
    const witness = await post<Participant>(path, { kind: 'other', role: 'witness', name: 'Ann' });
    expect(witness).toMatchObject({ status: 201, body: { kind: 'other', name: 'Ann' } });
    expectProblem(await post(path, { kind: 'other', role: 'witness', name: 'ann' }), 409, {
      rule: 'INC-1',
      field: 'name',
    });
    const providerRow = incident.participants.find((p) => p.kind === 'provider') as Participant;
    const clientRow = incident.participants.find((p) => p.kind === 'client') as Participant;
    expectProblem(await app.request('DELETE', `${path}/${providerRow.id}`, { user: RM }), 422, {
      rule: 'INC-1',
      field: 'participantId',
    });
    expectProblem(await app.request('DELETE', `${path}/${clientRow.id}`, { user: RM }), 422, {
      rule: 'INC-1',
    });
    expect((await app.request('DELETE', `${path}/${witness.body.id}`, { user: RM })).status).toBe(
      204,
    );
    expectProblem(await app.request('DELETE', `${path}/${UNKNOWN_ID}`, { user: RM }), 404);
    const after = await app.request<Incident>('GET', `/incidents/${incident.id}`, { user: RM });
    expect(after.body.participants.map((p) => p.id)).toEqual([providerRow.id, clientRow.id]);
    // sub-resource changes are no state change other contexts need: still one event
    await app.expectEvents(incident.id, ['incident.recorded']);
  });

  it('INC-1: injuries of victims, restraints by members (2 minutes, physical) and staff actions are recorded', async () => {
    const providerId = await enrolProvider(app, 'Detention Centre');
    const memberId = await addMember(app, providerId, 'Guard Grant');
    const incident = await recorded(
      incidentBody(providerId, {
        participants: [
          providerParticipant(providerId),
          clientParticipant('YOUTH-1', 'perpetrator'),
          clientParticipant('YOUTH-2', 'victim'),
          { kind: 'member', role: 'other', memberId },
        ],
      }),
    );
    const byRef = (ref: string) =>
      incident.participants.find((p) => p.clientReferenceId === ref) as Participant;
    const guard = incident.participants.find((p) => p.kind === 'member') as Participant;
    const youth = byRef('YOUTH-1');
    const victim = byRef('YOUTH-2');
    const base = `/incidents/${incident.id}`;

    const injury = await post<{ id: string }>(`${base}/injuries`, {
      victimParticipantId: victim.id,
      severity: 'moderate',
      cause: 'Punched during the fight',
      responsibleParticipantId: youth.id,
      actionsTaken: 'First aid',
    });
    expect(injury.status).toBe(201);
    expectProblem(
      await post(`${base}/injuries`, {
        victimParticipantId: youth.id,
        severity: 'minor',
        cause: 'Scratched',
      }),
      422,
      { rule: 'INC-1', field: 'victimParticipantId' },
    );

    const restraint = await post<{ durationMinutes: number }>(`${base}/restraints`, {
      memberParticipantId: guard.id,
      restrainedParticipantId: youth.id,
      kind: 'physical',
      startedAt: '2026-03-02T18:05:00Z',
      durationMinutes: 2,
    });
    expect(restraint).toMatchObject({ status: 201, body: { durationMinutes: 2 } });
    expectProblem(
      await post(`${base}/restraints`, {
        memberParticipantId: youth.id,
        restrainedParticipantId: victim.id,
        kind: 'mechanical',
        startedAt: '2026-03-02T18:05:00Z',
        durationMinutes: 5,
      }),
      422,
      { rule: 'INC-1', field: 'memberParticipantId' },
    );
    const noDuration = await post(`${base}/restraints`, {
      memberParticipantId: guard.id,
      restrainedParticipantId: youth.id,
      kind: 'chemical',
      startedAt: '2026-03-02T18:05:00Z',
      durationMinutes: 0,
    });
    expectProblem(noDuration, 400, { field: 'durationMinutes' });
    expect(noDuration.body.errors?.[0]?.message).toMatch(/^INC-1: /);

    const action = await post<{ action: string }>(`${base}/staff-actions`, {
      memberParticipantId: guard.id,
      action: 'suspension-letter',
      takenOn: '2026-03-10',
      notes: 'Restraint applied late',
    });
    expect(action).toMatchObject({ status: 201, body: { action: 'suspension-letter' } });
    expectProblem(
      await post(`${base}/staff-actions`, {
        memberParticipantId: victim.id,
        action: 'reprimand',
        takenOn: '2026-03-10',
      }),
      422,
      { rule: 'INC-1', field: 'memberParticipantId' },
    );
    expectProblem(
      await post(`${base}/staff-actions`, {
        memberParticipantId: guard.id,
        action: 'reprimand',
        takenOn: '2026-03-01',
      }),
      422,
      { rule: 'INC-1', field: 'takenOn' },
    );

    // INC-1: a participant named by an injury, restraint or staff action is not removed
    expectProblem(
      await app.request('DELETE', `${base}/participants/${youth.id}`, { user: RM }),
      409,
      { rule: 'INC-1' },
    );
    const full = await app.request<Incident>('GET', base, { user: RM });
    expect(full.body).toMatchObject({
      injuries: [{ id: injury.body.id }],
      restraints: [{ kind: 'physical', durationMinutes: 2 }],
      staffActions: [{ action: 'suspension-letter' }],
    });
    expect(
      (await app.request('DELETE', `${base}/injuries/${injury.body.id}`, { user: RM })).status,
    ).toBe(204);
    expectProblem(
      await app.request('DELETE', `${base}/injuries/${injury.body.id}`, { user: RM }),
      404,
    );
    const afterRemoval = await app.request<Incident>('GET', base, { user: RM });
    expect(afterRemoval.body.injuries).toEqual([]);
  });
});

describe('closing and reopening incidents (INC-2)', () => {
  it('INC-2: closing needs one of the four reasons; closed incidents are not changed; a supervisor reopens', async () => {
    const providerId = await enrolProvider(app, 'Closing Home');
    const incident = await recorded(incidentBody(providerId));
    const base = `/incidents/${incident.id}`;

    const noReason = await post(`${base}/close`, {});
    expectProblem(noReason, 422, { rule: 'INC-2', field: 'reason' });
    expectProblem(await post(`${base}/close`, { reason: 'resolved' }), 400, { field: 'reason' });

    const closed = await post<Incident>(`${base}/close`, {
      reason: 'unsubstantiated',
      notes: 'The complaint was found to be false',
    });
    expect(closed).toMatchObject({
      status: 200,
      body: { status: 'closed', closeReason: 'unsubstantiated' },
    });

    expectProblem(await post(`${base}/close`, { reason: 'withdrawn' }), 409, { rule: 'INC-2' });
    expectProblem(await app.request('PATCH', base, { user: RM, body: { severity: 'low' } }), 409, {
      rule: 'INC-2',
    });
    expectProblem(
      await post(`${base}/participants`, { kind: 'other', role: 'witness', name: 'Late' }),
      409,
      { rule: 'INC-2' },
    );
    const reason = { reason: 'A new witness came forward' };
    expect((await post(`${base}/reopen`, reason, RM)).status).toBe(403);
    expect((await post(`${base}/reopen`, reason, FACILITY_MANAGER)).status).toBe(403);
    const reopened = await post<Incident>(`${base}/reopen`, reason, SUPERVISOR);
    expect(reopened).toMatchObject({
      status: 200,
      body: { status: 'open', closeReason: null, reopenReason: reason.reason },
    });
    expectProblem(await post(`${base}/reopen`, reason, SUPERVISOR), 409, { rule: 'INC-2' });
    const edited = await app.request<Incident>('PATCH', base, {
      user: FACILITY_MANAGER,
      body: { severity: 'low' },
    });
    expect(edited).toMatchObject({ status: 200, body: { severity: 'low' } });

    const events = await app.expectEvents(incident.id, [
      'incident.recorded',
      'incident.closed',
      'incident.reopened',
    ]);
    expect(events[1]).toMatchObject({
      aggregateType: 'incident',
      data: { providerId, providerIds: [providerId], reason: 'unsubstantiated' },
    });
    expect(events[2]).toMatchObject({
      actor: { userId: SUPERVISOR },
      data: { providerId, previousReason: 'unsubstantiated', reason: reason.reason },
    });
    const closedList = await app.request<Page<Incident>>(
      'GET',
      `/incidents?providerId=${providerId}&status=open`,
      { user: RM },
    );
    expect(closedList.body.total).toBe(1);
  });
});

describe('group incidents (INC-3)', () => {
  it('INC-3: a group reports incidents of providers affiliated with it on the day; others are refused with 422', async () => {
    const group = await postCreated<{ id: string }>(app, '/provider-groups', {
      name: 'Northside Network',
    });
    const affiliated = await enrolProvider(app, 'Affiliated Home');
    const outsider = await enrolProvider(app, 'Outsider Home');
    await postCreated(app, `/provider-groups/${group.id}/affiliations`, {
      providerId: affiliated,
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      paymentsToGroup: false,
    });

    const reported = await recorded(
      incidentBody(affiliated, { reportedByGroupId: group.id, occurredOn: '2026-03-01' }),
    );
    expect(reported.reportedByGroupId).toBe(group.id);
    const [event] = await app.expectEvents(reported.id, ['incident.recorded']);
    expect(event?.data).toMatchObject({ reportedByGroupId: group.id, providerIds: [affiliated] });

    const notAffiliated = await record(
      incidentBody(outsider, { reportedByGroupId: group.id, occurredOn: '2026-03-01' }),
    );
    expectProblem(notAffiliated, 422, { rule: 'INC-3', field: 'reportedByGroupId' });
    expect(notAffiliated.body.errors?.[0]?.message).toContain(outsider);
    const afterAffiliation = await record(
      incidentBody(affiliated, {
        reportedByGroupId: group.id,
        occurredOn: '2026-07-01',
        reportedAt: '2026-07-01T10:00:00Z',
      }),
    );
    expectProblem(afterAffiliation, 422, { rule: 'INC-3' });
    expectProblem(await record(incidentBody(affiliated, { reportedByGroupId: UNKNOWN_ID })), 422, {
      rule: 'INC-3',
      field: 'reportedByGroupId',
    });
    expectProblem(
      await post(`/incidents/${reported.id}/participants`, providerParticipant(outsider)),
      422,
      { rule: 'INC-3' },
    );
    expectProblem(
      await app.request('PATCH', `/incidents/${reported.id}`, {
        user: RM,
        body: { occurredOn: '2025-12-31' },
      }),
      422,
      { rule: 'INC-3' },
    );

    // INC-3: involving an affiliated provider on the day makes it a group incident too
    const involving = await recorded(
      incidentBody(affiliated, { occurredOn: '2026-05-05', reportedAt: '2026-05-05T10:00:00Z' }),
    );
    const before = await recorded(
      incidentBody(affiliated, { occurredOn: '2025-11-05', reportedAt: '2025-11-05T10:00:00Z' }),
    );
    const byGroup = await app.request<Page<Incident>>('GET', `/incidents?groupId=${group.id}`, {
      user: CASE_WORKER,
    });
    expect(byGroup.body.items.map((i) => i.id)).toEqual([involving.id, reported.id]);
    expect(byGroup.body.items.map((i) => i.id)).not.toContain(before.id);
    await expectOnlyRecordedIncidentsAnnounced(before.id);
  });
});

describe('investigations (INC-4)', () => {
  it('INC-4: an investigation is opened from an incident closed as requires-investigation, linked, unlinked and closed', async () => {
    const providerId = await enrolProvider(app, 'Investigated Home');
    const otherProvider = await enrolProvider(app, 'Uninvolved Home');
    const first = await recorded(incidentBody(providerId));
    const second = await recorded(incidentBody(providerId, { type: 'abuse' }));
    const elsewhere = await recorded(incidentBody(otherProvider));
    for (const incident of [first, second]) {
      const closed = await post(`/incidents/${incident.id}/close`, {
        reason: 'requires-investigation',
      });
      expect(closed.status).toBe(200);
    }
    const awaiting = await app.request<Incident>('GET', `/incidents/${second.id}`, { user: RM });
    expect(awaiting.body).toMatchObject({ investigations: [], awaitingInvestigation: true });

    expectProblem(
      await post('/investigations', {
        providerId,
        type: 'child-welfare',
        allegation: 'Repeated restraint',
        incidentIds: [first.id, elsewhere.id],
      }),
      422,
      { rule: 'INC-4', field: 'incidentIds.1' },
    );
    const opened = await post<Investigation>('/investigations', {
      providerId,
      type: 'child-welfare',
      allegation: 'Residents restrained repeatedly without cause',
      openedOn: '2026-03-21',
      assignedInvestigatorId: SUPERVISOR,
      incidentIds: [first.id],
    });
    expect(opened).toMatchObject({
      status: 201,
      body: { status: 'open', incidentIds: [first.id], providerId },
    });
    const investigationId = opened.body.id;
    const withInvestigation = await app.request<Incident>('GET', `/incidents/${first.id}`, {
      user: OPERATOR,
    });
    expect(withInvestigation.body).toMatchObject({
      closeReason: 'requires-investigation',
      investigations: [{ id: investigationId, type: 'child-welfare', status: 'open' }],
      awaitingInvestigation: false,
    });

    const links = `/investigations/${investigationId}/incidents`;
    expect((await post<Investigation>(links, { incidentId: second.id })).body.incidentIds).toEqual([
      first.id,
      second.id,
    ]);
    expectProblem(await post(links, { incidentId: second.id }), 409, { rule: 'INC-4' });
    expectProblem(await post(links, { incidentId: elsewhere.id }), 422, {
      rule: 'INC-4',
      field: 'incidentId',
    });
    expectProblem(await post(links, { incidentId: UNKNOWN_ID }), 422, {
      rule: 'INC-4',
      field: 'incidentId',
    });
    expect((await app.request('DELETE', `${links}/${second.id}`, { user: RM })).status).toBe(204);
    expectProblem(await app.request('DELETE', `${links}/${second.id}`, { user: RM }), 404);

    const byIncident = await app.request<Page<Investigation>>(
      'GET',
      `/investigations?incidentId=${first.id}&status=open&providerId=${providerId}`,
      { user: CASE_WORKER },
    );
    expect(byIncident.body.items.map((i) => i.id)).toEqual([investigationId]);

    const reassigned = await app.request<Investigation>(
      'PATCH',
      `/investigations/${investigationId}`,
      {
        user: RM,
        body: { assignedInvestigatorId: RM },
      },
    );
    expect(reassigned).toMatchObject({ status: 200, body: { assignedInvestigatorId: RM } });

    expectProblem(
      await post(`/investigations/${investigationId}/close`, { outcome: 'substantiated' }),
      400,
      { field: 'findings' },
    );
    expectProblem(
      await post(`/investigations/${investigationId}/close`, {
        outcome: 'substantiated',
        findings: 'Too early',
        closedOn: '2026-03-20',
      }),
      422,
      { rule: 'INC-4', field: 'closedOn' },
    );
    const closed = await post<Investigation>(`/investigations/${investigationId}/close`, {
      outcome: 'substantiated',
      findings: 'Restraints were applied without cause on three occasions',
      closedOn: '2026-04-15',
    });
    expect(closed).toMatchObject({
      status: 200,
      body: { status: 'closed', outcome: 'substantiated', incidentIds: [first.id] },
    });
    expectProblem(await post(links, { incidentId: second.id }), 409, { rule: 'INC-4' });
    expectProblem(
      await app.request('PATCH', `/investigations/${investigationId}`, {
        user: RM,
        body: { allegation: 'Changed' },
      }),
      409,
      { rule: 'INC-4' },
    );
    expectProblem(
      await post(`/investigations/${investigationId}/close`, {
        outcome: 'withdrawn',
        findings: 'Again',
      }),
      409,
      { rule: 'INC-4' },
    );

    const events = await app.expectEvents(investigationId, [
      'investigation.opened',
      'investigation.incident-linked',
      'investigation.incident-unlinked',
      'investigation.closed',
    ]);
    expect(events.map((event) => event.aggregateType)).toEqual(Array(4).fill('investigation'));
    expect(events[0]?.data).toMatchObject({
      providerId,
      type: 'child-welfare',
      openedOn: '2026-03-21',
      incidentIds: [first.id],
    });
    expect(events[1]?.data).toEqual({ investigationId, providerId, incidentId: second.id });
    expect(events[3]?.data).toMatchObject({
      providerId,
      outcome: 'substantiated',
      closedOn: '2026-04-15',
    });
    // linking is a fact of the investigation: the incidents' own streams are unchanged
    await app.expectEvents(first.id, ['incident.recorded', 'incident.closed']);
    expectProblem(await app.request('GET', `/investigations/${UNKNOWN_ID}`, { user: RM }), 404);
  });
});

describe('who may see and change incidents (ROLE, SS-3)', () => {
  it('SS-3: a provider reads only incidents it participates in — 404 otherwise — and no investigations', async () => {
    const otherProvider = await enrolProvider(app, 'Other Provider Home');
    const own = await recorded(
      incidentBody(otherProvider, {
        participants: [
          providerParticipant(otherProvider),
          providerParticipant(DEMO_PROVIDER_ID, 'witness'),
          clientParticipant('CL-5'),
        ],
      }),
    );
    const foreign = await recorded(incidentBody(otherProvider));

    const read = await app.request<Incident>('GET', `/incidents/${own.id}`, {
      user: PROVIDER_USER,
    });
    expect(read.status).toBe(200);
    expect(read.body.providerIds).toEqual([otherProvider, DEMO_PROVIDER_ID]);
    expect(read.body).not.toHaveProperty('investigations');
    expectProblem(
      await app.request('GET', `/incidents/${foreign.id}`, { user: PROVIDER_USER }),
      404,
    );
    const list = await app.request<Page<Incident>>('GET', '/incidents', { user: PROVIDER_USER });
    expect(list.body.items.map((i) => i.id)).toEqual([own.id]);
    expectProblem(
      await app.request('GET', `/incidents?providerId=${otherProvider}`, { user: PROVIDER_USER }),
      404,
    );
    const staffList = await app.request<Page<Incident>>(
      'GET',
      `/incidents?providerId=${DEMO_PROVIDER_ID}`,
      { user: RM },
    );
    expect(staffList.body.items.map((i) => i.id)).toEqual([own.id]);
  });

  it('ROLE-2: a provider never writes incidents nor reads investigations (403)', async () => {
    const providerId = await enrolProvider(app, 'Self Service Target');
    const incident = await recorded(incidentBody(providerId));
    for (const [method, path, body] of [
      ['POST', '/incidents', incidentBody(DEMO_PROVIDER_ID)],
      ['POST', `/incidents/${incident.id}/close`, { reason: 'withdrawn' }],
      ['PATCH', `/incidents/${incident.id}`, { severity: 'low' }],
      ['GET', '/investigations', undefined],
    ] as const) {
      const response = await app.request(method, path, { user: PROVIDER_USER, body });
      expect(response.status).toBe(403);
    }
  });

  it('ROLE: case workers report incidents but do not manage them; operators, finance and administrators do not write', async () => {
    const providerId = await enrolProvider(app, 'Case Worker Report Home');
    const reported = await recorded(incidentBody(providerId), CASE_WORKER);
    const [event] = await app.expectEvents(reported.id, ['incident.recorded']);
    expect(event?.actor).toMatchObject({ userId: CASE_WORKER });

    expect(
      (await post(`/incidents/${reported.id}/close`, { reason: 'withdrawn' }, CASE_WORKER)).status,
    ).toBe(403);
    expect((await record(incidentBody(providerId), OPERATOR)).status).toBe(403);
    expect((await record(incidentBody(providerId), ADMIN)).status).toBe(403);
    expect(
      (
        await app.request('PATCH', `/incidents/${reported.id}`, {
          user: FINANCE,
          body: { severity: 'low' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          '/investigations',
          { providerId, type: 'licensing', allegation: 'Unlicensed rooms' },
          CASE_WORKER,
        )
      ).status,
    ).toBe(403);
    expect((await app.request('GET', '/incidents')).status).toBe(401);
    await app.expectEvents(reported.id, ['incident.recorded']);
  });
});
