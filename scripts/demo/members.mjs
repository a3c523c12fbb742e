// PRV-8 and CRD-6: the people of each provider — members with their memberships (foster parents,
// household members, staff, volunteers; one former member), external participants, an
// unassigned member — and their background checks.
import { days } from './http.mjs';

/** A passed check, valid for three years from completion. */
const passed = (checkType, completedDaysAgo) => ({
  checkType,
  result: 'passed',
  requestedOn: days(-completedDaysAgo - 21),
  completedOn: days(-completedDaysAgo),
  validFrom: days(-completedDaysAgo),
  validTo: days(-completedDaysAgo + 3 * 365),
});

/** Members by key: who they are, their membership, and their background checks. */
const MEMBERS = {
  // Hilltop Foster Home: the Walker family
  grace: {
    provider: 'hilltop',
    name: 'Grace Walker',
    dateOfBirth: '1979-04-18',
    role: 'foster-parent',
    from: days(-1100),
    checks: [passed('criminal', 420), passed('child-protective-services', 415)],
  },
  daniel: {
    provider: 'hilltop',
    name: 'Daniel Walker',
    dateOfBirth: '1977-09-02',
    role: 'foster-parent',
    from: days(-1100),
    checks: [passed('criminal', 420), passed('child-protective-services', 415)],
  },
  ethan: {
    provider: 'hilltop',
    name: 'Ethan Walker',
    dateOfBirth: '2005-06-30',
    role: 'household-member',
    from: days(-1100),
    checks: [passed('criminal', 300)],
  },
  // Maple Street Foster Home: the Lopez family, new foster parents
  maria: {
    provider: 'maple',
    name: 'Maria Lopez',
    dateOfBirth: '1984-03-12',
    role: 'foster-parent',
    from: days(-75),
    checks: [passed('criminal', 40)],
  },
  tom: {
    provider: 'maple',
    name: 'Tom Lopez',
    dateOfBirth: '1982-11-05',
    role: 'foster-parent',
    from: days(-75),
    checks: [{ checkType: 'criminal', result: 'pending', requestedOn: days(-12) }],
  },
  // Sunrise Day Care: staff and a volunteer
  dana: {
    provider: 'sunrise',
    name: 'Dana Whitfield',
    dateOfBirth: '1975-02-14',
    role: 'staff',
    from: days(-1500),
    checks: [passed('criminal', 500), passed('child-protective-services', 500)],
  },
  luis: {
    provider: 'sunrise',
    name: 'Luis Ortega',
    dateOfBirth: '1988-07-21',
    role: 'staff',
    from: days(-900),
    checks: [passed('criminal', 600)],
  },
  priya: {
    provider: 'sunrise',
    name: 'Priya Nair',
    dateOfBirth: '1995-12-03',
    role: 'staff',
    from: days(-400),
    checks: [passed('criminal', 410)],
  },
  sam: {
    provider: 'sunrise',
    name: 'Sam Okafor',
    dateOfBirth: '2001-05-09',
    role: 'volunteer',
    from: days(-200),
    checks: [passed('criminal', 210)],
  },
  hannah: {
    provider: 'sunrise',
    name: 'Hannah Berg',
    dateOfBirth: '1990-08-15',
    role: 'staff',
    from: days(-800),
    end: { to: days(-90), reason: 'Moved out of state' },
    checks: [passed('criminal', 810)],
  },
  // Lake County Juvenile Detention Centre: officers
  marcus: {
    provider: 'lakeCounty',
    name: 'Marcus Reed',
    dateOfBirth: '1970-01-25',
    role: 'staff',
    from: days(-2500),
    checks: [passed('criminal', 700), passed('firearms', 700)],
  },
  olivia: {
    provider: 'lakeCounty',
    name: 'Olivia Grant',
    dateOfBirth: '1986-10-10',
    role: 'staff',
    from: days(-1300),
    checks: [passed('criminal', 350)],
  },
  kevin: {
    provider: 'lakeCounty',
    name: 'Kevin Park',
    dateOfBirth: '1991-03-03',
    role: 'staff',
    from: days(-600),
    checks: [passed('criminal', 610)],
  },
  // Riverside Family Therapy Practice: therapists
  elena: {
    provider: 'riverside',
    name: 'Dr. Elena Marsh',
    dateOfBirth: '1972-06-06',
    role: 'staff',
    from: days(-1800),
    checks: [passed('criminal', 365)],
  },
  noah: {
    provider: 'riverside',
    name: 'Noah Bennett',
    dateOfBirth: '1987-04-27',
    role: 'staff',
    from: days(-700),
    checks: [passed('criminal', 700)],
  },
  // Oakwood Group Home (awaiting approval): a failed check stands out
  gary: {
    provider: 'oakwood',
    name: 'Gary Holt',
    dateOfBirth: '1968-12-01',
    role: 'staff',
    from: days(-30),
    checks: [
      {
        checkType: 'criminal',
        result: 'failed',
        failureReason: 'Criminal record: assault conviction',
        requestedOn: days(-28),
        completedOn: days(-14),
      },
    ],
  },
  // Unassigned: a prospective foster parent with no membership yet
  rachel: { name: 'Rachel Kim', dateOfBirth: '1992-09-19', checks: [] },
};

/** External people involved with a provider. */
const PARTICIPANTS = [
  {
    provider: 'hilltop',
    name: 'Dr. Amal Haddad',
    role: 'family doctor',
    organisation: 'Springfield Clinic',
    phone: '+1 555 0170',
    email: 'a.haddad@clinic.example',
  },
  {
    provider: 'sunrise',
    name: 'Keisha Brown',
    role: 'visiting nurse',
    organisation: 'Springfield Public Health',
    phone: '+1 555 0181',
  },
  {
    provider: 'lakeCounty',
    name: 'Jordan Ellis',
    role: 'lawyer',
    organisation: 'Lake County Public Defender',
    email: 'j.ellis@defender.example',
  },
  {
    provider: 'riverside',
    name: 'Dr. Ravi Shah',
    role: 'consulting psychiatrist',
    organisation: 'Shelbyville Behavioral Health',
  },
];

/** Loads members, memberships, participants and checks; answers the member ids by key. */
export async function loadMembers(manager, providers, progress) {
  const members = {};
  let memberships = 0;
  let checks = 0;
  for (const [key, member] of Object.entries(MEMBERS)) {
    const person = { name: member.name, dateOfBirth: member.dateOfBirth };
    if (member.provider) {
      const providerId = providers[member.provider];
      const membership = await manager.post(`/providers/${providerId}/members`, {
        ...person,
        role: member.role,
        from: member.from,
      });
      members[key] = membership.memberId;
      memberships += 1;
      if (member.end) {
        await manager.post(`/providers/${providerId}/members/${members[key]}/end`, member.end);
      }
    } else {
      members[key] = (await manager.post('/members', person)).id;
    }
    for (const check of member.checks) {
      await manager.post(`/members/${members[key]}/background-checks`, check);
      checks += 1;
    }
  }
  for (const { provider, ...participant } of PARTICIPANTS) {
    await manager.post(`/providers/${providers[provider]}/participants`, participant);
  }
  progress(
    `demo data: ${Object.keys(members).length} members (${memberships} memberships, one ended, ` +
      `one unassigned), ${PARTICIPANTS.length} participants, ${checks} background checks ` +
      '(one pending, one failed)',
  );
  return members;
}
