// Day-to-day work with the providers: waitlists (PRV-10) and service enquiries (PRV-9) from the
// case worker — one answered by Sunrise itself through self-service — incidents with their
// participants, injuries, restraints and staff actions (INC-1 … INC-3), investigations (INC-4),
// and the inquiries of would-be providers (PRV-2).
import { at, days, thisYear } from './http.mjs';

const client = (n) => `CL-${thisYear}-${String(n).padStart(4, '0')}`;

/** PRV-10: [provider service key | provider key for its own list, entry]. */
const WAITLIST = [
  [
    'hilltopFoster',
    {
      clientReference: client(412),
      clientName: 'Jamie Doe',
      priority: 'high',
      expiryDate: days(90),
      notes: 'Needs a home near Springfield Elementary',
      allocate: true,
    },
  ],
  [
    'hilltopFoster',
    {
      clientReference: client(418),
      clientName: 'Ava Martinez',
      priority: 'medium',
      expiryDate: days(120),
    },
  ],
  [
    'hilltopFoster',
    {
      clientReference: client(423),
      clientName: 'Noah Johnson',
      priority: 'low',
      expiryDate: days(60),
      notes: 'Respite care would also do',
    },
  ],
  [
    'hilltopFoster',
    {
      clientReference: client(431),
      clientName: 'Lily Chen',
      priority: 'medium',
      expiryDate: days(150),
      move: 'up',
    },
  ],
  [
    'sunriseDayCare',
    {
      clientReference: client(507),
      clientName: 'Mia Thompson',
      priority: 'high',
      expiryDate: days(60),
      notes: 'Parent starts a new job next month',
    },
  ],
  [
    'sunriseDayCare',
    {
      clientReference: client(512),
      clientName: 'Oliver Brown',
      priority: 'medium',
      expiryDate: days(90),
    },
  ],
  [
    { provider: 'sunrise' },
    {
      clientReference: client(520),
      clientName: 'Emma Wilson',
      priority: 'low',
      expiryDate: days(120),
      notes: 'Any weekday programme; half days are fine',
    },
  ],
];

/** PRV-9: enquiries from the case worker and who answers them. */
const ENQUIRIES = [
  {
    service: 'sunriseDayCare',
    body: {
      clientReference: client(507),
      clientName: 'Mia Thompson',
      from: days(14),
      to: days(104),
      units: 65,
      question: 'A full-time place, weekdays, from the start of next month?',
    },
    answer: {
      by: 'provider',
      response: 'partially-available',
      availableUnits: 40,
      comments: 'Three days a week at first; full time from the new term',
      respondedBy: 'Dana Whitfield (centre manager)',
    },
  },
  {
    service: 'sunriseDayCare',
    body: {
      clientReference: client(512),
      clientName: 'Oliver Brown',
      from: days(30),
      to: days(60),
      units: 20,
      question: 'Mornings only for a month while his mother is in hospital',
    },
  },
  {
    service: 'hilltopFoster',
    body: {
      clientReference: client(440),
      clientName: 'Sophie Adams',
      from: days(7),
      to: days(187),
      units: 1,
      contactMethod: 'phone',
      question: 'Emergency placement for a 7-year-old girl',
    },
    answer: {
      by: 'manager',
      response: 'available',
      comments: 'Room ready this week',
      respondedBy: 'Grace Walker (by phone)',
    },
  },
  {
    service: 'riversideTherapy',
    body: {
      clientReference: client(455),
      clientName: 'Harper family',
      from: days(10),
      to: days(100),
      units: 10,
      question: 'Ten family sessions after reunification',
    },
    cancel: { reason: 'The family moved out of the county' },
  },
];

const SUNRISE_PLAYGROUND = 'Playground, Sunrise Main Centre';

/**
 * INC-1: incidents with participants (`ref` names them for injuries, restraints, staff actions),
 * then closed (INC-2) or left open.
 */
const INCIDENTS = [
  {
    key: 'unitB',
    by: 'manager',
    body: {
      provider: 'lakeCounty',
      reportedAt: at(-12, '21:40'),
      occurredOn: days(-12),
      location: 'Unit B dayroom, Lake County Juvenile Detention Centre',
      description:
        'Two residents fought over the television. Officer Park held one resident on the floor ' +
        'until he calmed down; the other was hit in the face.',
      type: 'assault',
      category: 'client-to-client',
      severity: 'high',
    },
    participants: [
      {
        ref: 'rivers',
        kind: 'client',
        role: 'perpetrator',
        clientReferenceId: client(377),
        name: 'D. Rivers',
      },
      {
        ref: 'stone',
        kind: 'client',
        role: 'victim',
        clientReferenceId: client(381),
        name: 'M. Stone',
      },
      { ref: 'olivia', kind: 'member', role: 'witness', member: 'olivia' },
      { ref: 'kevin', kind: 'member', role: 'other', member: 'kevin' },
    ],
    injuries: [
      {
        victim: 'stone',
        responsible: 'rivers',
        severity: 'moderate',
        cause: 'Punched in the face',
        actionsTaken: 'Seen by the facility nurse; ice pack; parents informed',
      },
    ],
    restraints: [
      {
        member: 'kevin',
        restrained: 'rivers',
        kind: 'physical',
        startedAt: at(-12, '21:31'),
        durationMinutes: 3,
      },
    ],
    staffActions: [
      {
        member: 'kevin',
        action: 'training',
        takenOn: days(-5),
        notes: 'De-escalation refresher before any restraint',
      },
    ],
    close: {
      reason: 'requires-investigation',
      notes: 'Length of the restraint to be investigated',
    },
  },
  {
    key: 'playground',
    by: 'caseWorker',
    body: {
      provider: 'sunrise',
      reportedAt: at(-6, '16:05'),
      occurredOn: days(-6),
      location: SUNRISE_PLAYGROUND,
      description: 'A child tripped on the climbing frame steps and grazed a knee.',
      type: 'accident',
      category: 'other',
      severity: 'low',
    },
    participants: [
      {
        ref: 'leo',
        kind: 'client',
        role: 'victim',
        clientReferenceId: client(290),
        name: 'Leo Garcia',
      },
      { ref: 'priya', kind: 'member', role: 'reporter', member: 'priya' },
    ],
    injuries: [
      {
        victim: 'leo',
        severity: 'minor',
        cause: 'Fell on the climbing frame steps',
        actionsTaken: 'First aid by Priya Nair; parent informed at pick-up',
      },
    ],
    close: { reason: 'substantiated', notes: 'Accident confirmed; the steps were re-surfaced' },
  },
  {
    key: 'curfew',
    by: 'caseWorker',
    body: {
      provider: 'hilltop',
      reportedAt: at(-2, '08:15'),
      occurredOn: days(-3),
      location: 'Hilltop Foster Home, 12 Hill Road',
      description: 'A foster child did not come home by curfew and returned the next morning.',
      type: 'missing-client',
      category: 'other',
      severity: 'medium',
    },
    participants: [
      {
        ref: 'tyler',
        kind: 'client',
        role: 'victim',
        clientReferenceId: client(398),
        name: 'Tyler Walsh',
      },
      { ref: 'grace', kind: 'member', role: 'reporter', member: 'grace' },
    ],
  },
];

/** INC-4 */
const INVESTIGATIONS = [
  {
    provider: 'lakeCounty',
    type: 'child-welfare',
    allegation: 'A resident was held on the floor for longer than needed to stop the fight',
    openedOn: days(-10),
    assignedInvestigatorId: 'sup.sato',
    incidents: ['unitB'],
  },
  {
    provider: 'hilltop',
    type: 'child-welfare',
    allegation: 'Anonymous report that a foster child was left unsupervised overnight',
    openedOn: days(-150),
    assignedInvestigatorId: 'sup.sato',
    incidents: [],
    close: {
      outcome: 'unsubstantiated',
      findings: 'Visits and interviews found appropriate supervision arrangements',
      closedOn: days(-120),
    },
  },
];

async function loadWaitlists(caseWorker, providers, services) {
  const moves = [];
  const allocations = [];
  for (const [target, { move, allocate, ...entry }] of WAITLIST) {
    const body =
      typeof target === 'string'
        ? { providerId: services[target].providerId, providerServiceId: services[target].id }
        : { providerId: providers[target.provider] };
    const created = await caseWorker.post('/waitlist-entries', { ...body, ...entry });
    if (move) moves.push([created.id, move]);
    if (allocate) allocations.push(created.id);
  }
  for (const [id, direction] of moves) {
    await caseWorker.post(`/waitlist-entries/${id}/move`, { direction });
  }
  // a place from today: a placement
  for (const id of allocations) await caseWorker.post(`/waitlist-entries/${id}/allocate`, {});
}

async function loadEnquiries(users, services) {
  for (const { service, body, answer, cancel } of ENQUIRIES) {
    const { providerId, id: providerServiceId } = services[service];
    const { serviceProductId } = await users.manager.get(
      `/providers/${providerId}/services/${providerServiceId}`,
    );
    const enquiry = await users.caseWorker.post('/service-enquiries', {
      providerId,
      serviceProductId,
      ...body,
    });
    if (answer) {
      const { by, ...response } = answer;
      await users[by].post(`/service-enquiries/${enquiry.id}/response`, response);
    }
    if (cancel) await users.caseWorker.post(`/service-enquiries/${enquiry.id}/cancel`, cancel);
  }
}

async function loadIncidents(users, providers, members) {
  const incidents = {};
  let parts = 0;
  for (const incident of INCIDENTS) {
    const { provider, ...facts } = incident.body;
    const providerId = providers[provider];
    const participants = [
      { kind: 'provider', role: 'other', providerId },
      ...incident.participants.map(({ ref: _ref, member, ...participant }) =>
        member ? { ...participant, memberId: members[member] } : participant,
      ),
    ];
    const created = await users[incident.by].post('/incidents', {
      providerId,
      ...facts,
      participants,
    });
    const participantId = (ref) => {
      const wanted = incident.participants.find((participant) => participant.ref === ref);
      return created.participants.find((participant) =>
        wanted.member
          ? participant.memberId === members[wanted.member]
          : participant.clientReferenceId === wanted.clientReferenceId,
      ).id;
    };
    const base = `/incidents/${created.id}`;
    for (const { victim, responsible, ...injury } of incident.injuries ?? []) {
      await users.manager.post(`${base}/injuries`, {
        victimParticipantId: participantId(victim),
        responsibleParticipantId: responsible ? participantId(responsible) : null,
        ...injury,
      });
      parts += 1;
    }
    for (const { member, restrained, ...restraint } of incident.restraints ?? []) {
      await users.manager.post(`${base}/restraints`, {
        memberParticipantId: participantId(member),
        restrainedParticipantId: participantId(restrained),
        ...restraint,
      });
      parts += 1;
    }
    for (const { member, ...staffAction } of incident.staffActions ?? []) {
      await users.manager.post(`${base}/staff-actions`, {
        memberParticipantId: participantId(member),
        ...staffAction,
      });
      parts += 1;
    }
    if (incident.close) await users.manager.post(`${base}/close`, incident.close);
    incidents[incident.key] = created.id;
  }

  for (const { provider, incidents: linked, close, ...investigation } of INVESTIGATIONS) {
    const opened = await users.manager.post('/investigations', {
      providerId: providers[provider],
      ...investigation,
      incidentIds: linked.map((key) => incidents[key]),
    });
    if (close) await users.manager.post(`/investigations/${opened.id}/close`, close);
  }
  return parts;
}

/** The inquiries of would-be providers: from staff, and one from a guest through self-service. */
export async function loadInquiries(manager, guest, progress) {
  const existing = await manager.get('/inquiries?limit=1');
  if (existing.total > 0) {
    progress(`demo data: ${existing.total} inquiries already there, nothing added`);
    return;
  }
  await manager.post('/inquiries', { name: 'Sunrise Day Care', email: 'hello@sunrise.example' });
  await manager.post('/inquiries', { name: 'Lakeside Therapy Group', phone: '+1 555 0142' });
  await guest.post('/self-service/inquiries', {
    name: 'Hilltop Foster Home',
    email: 'hilltop@example.org',
  });
  progress('demo data: 3 inquiries submitted (each starts an inquiry triage process)');
}

/** Waitlists, enquiries, incidents and investigations of the providers loaded before. */
export async function loadActivity(users, ctx, progress) {
  const { providers, services, members } = ctx;
  await loadWaitlists(users.caseWorker, providers, services);
  progress(
    `demo data: ${WAITLIST.length} waitlist entries on 3 lists (one moved up, one allocated a place)`,
  );
  await loadEnquiries(users, services);
  progress(
    `demo data: ${ENQUIRIES.length} service enquiries (one answered by Sunrise through ` +
      'self-service, one by staff, one cancelled, one awaiting an answer)',
  );
  const parts = await loadIncidents(users, providers, members);
  progress(
    `demo data: ${INCIDENTS.length} incidents (two closed) with ${parts} injuries, restraints and ` +
      `staff actions; ${INVESTIGATIONS.length} investigations (one open, linked to an incident)`,
  );
}
