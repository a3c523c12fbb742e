import { describe, expect, it } from '@jest/globals';
import type { CalendarDate } from '@platform/kernel';
import {
  dayOf,
  duplicateParticipant,
  incidentTransition,
  INCIDENT_REOPENERS,
  injuryIssues,
  participantRemoval,
  participantSetIssues,
  providersNotAffiliated,
  restraintIssues,
  staffActionIssues,
  type ParticipantFacts,
  type ParticipantReferences,
} from './incident-rules.js';
import { closeIncidentBody, occurredAfterReported } from './incident.schemas.js';

const PROVIDER = 'provider-1';
const OTHER_PROVIDER = 'provider-2';
const GROUP = 'group-1';
const d = (value: string) => value as CalendarDate;

const provider = (id = PROVIDER, role: ParticipantFacts['role'] = 'other'): ParticipantFacts => ({
  id: `p-${id}`,
  kind: 'provider',
  role,
  providerId: id,
  memberId: null,
  clientReferenceId: null,
  name: 'Hillside Youth Centre',
});
const member = (id: string, role: ParticipantFacts['role'] = 'perpetrator'): ParticipantFacts => ({
  id: `m-${id}-${role}`,
  kind: 'member',
  role,
  providerId: null,
  memberId: id,
  clientReferenceId: null,
  name: `Member ${id}`,
});
const client = (ref: string, role: ParticipantFacts['role'] = 'victim'): ParticipantFacts => ({
  id: `c-${ref}-${role}`,
  kind: 'client',
  role,
  providerId: null,
  memberId: null,
  clientReferenceId: ref,
  name: `Client ${ref}`,
});
const other = (name: string, role: ParticipantFacts['role'] = 'witness'): ParticipantFacts => ({
  id: `o-${name}`,
  kind: 'other',
  role,
  providerId: null,
  memberId: null,
  clientReferenceId: null,
  name,
});
const noReferences: ParticipantReferences = { injuries: [], restraints: [], staffActions: [] };

describe('participants of an incident (INC-1)', () => {
  it('INC-1: the provider the incident is recorded against must be a participant', () => {
    const issues = participantSetIssues(PROVIDER, [provider(OTHER_PROVIDER), client('C1')]);
    expect(issues).toEqual([expect.objectContaining({ rule: 'INC-1', field: 'participants' })]);
    expect(issues[0]?.message).toContain(PROVIDER);
    expect(participantSetIssues(PROVIDER, [provider(), client('C1')])).toEqual([]);
  });

  it('INC-1: an incident involves members, clients or both — a provider and a bystander are not enough', () => {
    const issues = participantSetIssues(PROVIDER, [provider(), other('Neighbour')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/members, clients or both/);
    expect(participantSetIssues(PROVIDER, [provider(), member('M1')])).toEqual([]);
    expect(participantSetIssues(PROVIDER, [provider(), client('C1'), client('C2')])).toEqual([]);
    expect(participantSetIssues(PROVIDER, [provider(), member('M1'), client('C1')])).toEqual([]);
  });

  it('INC-1: with neither the provider nor a member or client, both are reported', () => {
    expect(participantSetIssues(PROVIDER, [other('Passer-by')])).toHaveLength(2);
  });

  it('INC-1: the same person in the same role is a duplicate; in another role it is not', () => {
    const existing = [provider(), member('M1', 'perpetrator'), other('Ann Lee')];
    expect(duplicateParticipant(existing, member('M1', 'perpetrator'))).toBe(existing[1]);
    expect(duplicateParticipant(existing, member('M1', 'victim'))).toBeUndefined();
    expect(duplicateParticipant(existing, { ...other('  ann LEE ') })).toBe(existing[2]);
    expect(duplicateParticipant(existing, member('M2', 'perpetrator'))).toBeUndefined();
  });

  it('INC-1: removing the provider participant is refused with 422', () => {
    const participants = [provider(), client('C1')];
    expect(participantRemoval(PROVIDER, participants, `p-${PROVIDER}`, noReferences)).toEqual({
      ok: false,
      status: 422,
      issue: expect.objectContaining({ rule: 'INC-1', field: 'participantId' }),
    });
  });

  it('INC-1: removing the last member or client is refused; removing one of two is allowed', () => {
    const one = [provider(), client('C1'), other('Ann')];
    expect(participantRemoval(PROVIDER, one, 'c-C1-victim', noReferences)).toMatchObject({
      ok: false,
      status: 422,
    });
    const two = [provider(), client('C1'), member('M1')];
    expect(participantRemoval(PROVIDER, two, 'c-C1-victim', noReferences)).toEqual({ ok: true });
  });

  it('INC-1: a participant named by an injury, restraint or staff action is not removed (409)', () => {
    const participants = [provider(), client('C1'), client('C2', 'perpetrator'), member('M1')];
    const cases: ParticipantReferences[] = [
      {
        ...noReferences,
        injuries: [{ victimParticipantId: 'c-C2-perpetrator', responsibleParticipantId: null }],
      },
      {
        ...noReferences,
        injuries: [
          { victimParticipantId: 'c-C1-victim', responsibleParticipantId: 'c-C2-perpetrator' },
        ],
      },
      {
        ...noReferences,
        restraints: [
          { memberParticipantId: 'm-M1-perpetrator', restrainedParticipantId: 'c-C2-perpetrator' },
        ],
      },
    ];
    for (const references of cases) {
      expect(
        participantRemoval(PROVIDER, participants, 'c-C2-perpetrator', references),
      ).toMatchObject({ ok: false, status: 409, issue: { rule: 'INC-1' } });
    }
    expect(
      participantRemoval(PROVIDER, participants, 'm-M1-perpetrator', {
        ...noReferences,
        staffActions: [{ memberParticipantId: 'm-M1-perpetrator' }],
      }),
    ).toMatchObject({ ok: false, status: 409 });
  });
});

describe('injuries, restraints and staff actions (INC-1)', () => {
  const participants = [
    provider(),
    client('C1', 'victim'),
    client('C2', 'perpetrator'),
    member('M1', 'witness'),
    other('Visitor', 'victim'),
  ];

  it('INC-1: an injury belongs to a person participating as victim; the responsible one participates', () => {
    expect(
      injuryIssues(participants, {
        victimParticipantId: 'c-C1-victim',
        responsibleParticipantId: 'c-C2-perpetrator',
      }),
    ).toEqual([]);
    expect(
      injuryIssues(participants, {
        victimParticipantId: 'o-Visitor',
        responsibleParticipantId: null,
      }),
    ).toEqual([]);
    expect(
      injuryIssues(participants, {
        victimParticipantId: 'c-C2-perpetrator',
        responsibleParticipantId: 'nobody',
      }).map((issue) => issue.field),
    ).toEqual(['victimParticipantId', 'responsibleParticipantId']);
    expect(
      injuryIssues(participants, {
        victimParticipantId: `p-${PROVIDER}`,
        responsibleParticipantId: null,
      }),
    ).toEqual([expect.objectContaining({ rule: 'INC-1', field: 'victimParticipantId' })]);
  });

  it('INC-1: restraints are applied by a member participant to another person participating', () => {
    const ok = { memberParticipantId: 'm-M1-witness', restrainedParticipantId: 'c-C2-perpetrator' };
    expect(restraintIssues(participants, ok)).toEqual([]);
    expect(restraintIssues(participants, { ...ok, memberParticipantId: 'c-C1-victim' })).toEqual([
      expect.objectContaining({ rule: 'INC-1', field: 'memberParticipantId' }),
    ]);
    expect(
      restraintIssues(participants, { ...ok, restrainedParticipantId: `p-${PROVIDER}` }),
    ).toEqual([expect.objectContaining({ field: 'restrainedParticipantId' })]);
    expect(
      restraintIssues(participants, { ...ok, restrainedParticipantId: 'm-M1-witness' }),
    ).toEqual([expect.objectContaining({ message: 'a member does not restrain themselves' })]);
    expect(restraintIssues(participants, { ...ok, restrainedParticipantId: 'ghost' })).toEqual([
      expect.objectContaining({ message: 'is not a participant of this incident' }),
    ]);
  });

  it('INC-1: staff actions are taken against member participants only', () => {
    expect(staffActionIssues(participants, { memberParticipantId: 'm-M1-witness' })).toEqual([]);
    expect(staffActionIssues(participants, { memberParticipantId: 'c-C1-victim' })).toEqual([
      expect.objectContaining({ rule: 'INC-1', field: 'memberParticipantId' }),
    ]);
  });
});

describe('closing and reopening (INC-2)', () => {
  it('INC-2: open → closed → open; a closed incident is not edited or closed again', () => {
    expect(incidentTransition('open', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(incidentTransition('open', 'edit')).toEqual({ ok: true, to: 'open' });
    expect(incidentTransition('closed', 'edit')).toMatchObject({ ok: false });
    expect(incidentTransition('closed', 'close')).toMatchObject({ ok: false });
    expect(incidentTransition('open', 'reopen')).toMatchObject({ ok: false });
    expect(incidentTransition('closed', 'reopen')).toEqual({ ok: true, to: 'open' });
  });

  it.each(['substantiated', 'unsubstantiated', 'withdrawn', 'requires-investigation'])(
    'INC-2: %s is a close reason',
    (reason) => {
      expect(closeIncidentBody.parse({ reason })).toEqual({ reason, notes: null });
    },
  );

  it('INC-2: any other close reason is refused naming the rule', () => {
    const result = closeIncidentBody.safeParse({ reason: 'resolved' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['reason'] });
    expect(result.error?.issues[0]?.message).toMatch(/^INC-2: /);
  });

  it('INC-2: only a resource manager supervisor reopens an incident', () => {
    expect(INCIDENT_REOPENERS).toEqual(['resource-manager-supervisor']);
  });
});

describe('group incidents (INC-3)', () => {
  const affiliations = [
    { groupId: GROUP, providerId: PROVIDER, start: d('2026-01-01'), end: d('2026-06-30') },
    { groupId: 'group-2', providerId: OTHER_PROVIDER, start: d('2026-01-01'), end: null },
  ];

  it('INC-3: a provider affiliated with the reporting group on the day it occurred is accepted', () => {
    expect(providersNotAffiliated([PROVIDER], GROUP, d('2026-01-01'), affiliations)).toEqual([]);
    expect(providersNotAffiliated([PROVIDER], GROUP, d('2026-06-30'), affiliations)).toEqual([]);
  });

  it('INC-3: a provider not affiliated with the group that day — before, after, or another group — is reported', () => {
    expect(providersNotAffiliated([PROVIDER], GROUP, d('2025-12-31'), affiliations)).toEqual([
      PROVIDER,
    ]);
    expect(providersNotAffiliated([PROVIDER], GROUP, d('2026-07-01'), affiliations)).toEqual([
      PROVIDER,
    ]);
    expect(
      providersNotAffiliated(
        [PROVIDER, OTHER_PROVIDER, PROVIDER],
        GROUP,
        d('2026-03-01'),
        affiliations,
      ),
    ).toEqual([OTHER_PROVIDER]);
  });
});

describe('incident dates', () => {
  it('an incident cannot occur after the day it was reported, in the reporter’s own time zone', () => {
    expect(dayOf('2026-03-02T00:30:00+02:00')).toBe('2026-03-02');
    expect(occurredAfterReported('2026-03-02', '2026-03-02T00:30:00+02:00')).toBe(false);
    expect(occurredAfterReported('2026-03-03', '2026-03-02T23:59:00Z')).toBe(true);
  });
});
