// CRD-1 … CRD-5: the members' trainings (managed and unmanaged) and certifications, the
// providers' accreditations and licences. Tom Lopez (Maple Street) has not done the mandatory
// CHILD-SAFEGUARDING course yet, so the CRD-3 / SVC-10 warnings have something to show.
import { days, monthStart } from './http.mjs';

const RED_CROSS = 'American Red Cross';
const COLLEGE = 'Springfield Community College';
const ACADEMY = 'State Juvenile Justice Academy';
const AGENCY = 'Springfield Children and Families Agency';

/** CRD-4 unmanaged trainings, taken elsewhere: [member, course code, training provider, days ago]. */
const UNMANAGED = [
  ['grace', 'FIRST-AID', RED_CROSS, 500],
  ['daniel', 'FIRST-AID', RED_CROSS, 500],
  ['ethan', 'FIRST-AID', RED_CROSS, 320],
  ['maria', 'FIRST-AID', RED_CROSS, 60],
  ['tom', 'FIRST-AID', RED_CROSS, 60],
  ['maria', 'CHILD-SAFEGUARDING', "Lake County Children's Services", 50],
  ['dana', 'FIRST-AID', RED_CROSS, 400],
  ['luis', 'FIRST-AID', RED_CROSS, 380],
  ['priya', 'FIRST-AID', RED_CROSS, 350],
  ['sam', 'FIRST-AID', RED_CROSS, 150],
  ['marcus', 'FIRST-AID', RED_CROSS, 700],
  ['olivia', 'FIRST-AID', RED_CROSS, 300],
  ['kevin', 'FIRST-AID', RED_CROSS, 550],
  ['marcus', 'DE-ESCALATION', ACADEMY, 650],
  ['olivia', 'DE-ESCALATION', ACADEMY, 280],
  ['kevin', 'DE-ESCALATION', ACADEMY, 540],
  ['grace', 'TRAUMA-INFORMED-CARE', COLLEGE, 250],
  ['elena', 'TRAUMA-INFORMED-CARE', COLLEGE, 400],
  ['rachel', 'TRAUMA-INFORMED-CARE', COLLEGE, 30],
];

/** A course that is not registered: free text, with its training provider and units. */
const FREE_TEXT = {
  member: 'noah',
  courseName: 'Family systems therapy workshop',
  trainingProviderName: 'Midwest Family Therapy Institute',
  units: 6,
  completedOn: days(-200),
};

/**
 * CRD-4 managed trainings of CHILD-SAFEGUARDING (delivered by the Child Safeguarding Training
 * product), arranged per provider; each participant's training is then approved and completed,
 * or waived, or left approved and open.
 */
const MANAGED = [
  {
    provider: 'hilltop',
    requiredBy: days(-30),
    participants: {
      grace: { complete: days(-60) },
      daniel: { complete: days(-60) },
      ethan: { waive: 'Adult household member, not a carer: agency waiver' },
    },
  },
  {
    provider: 'sunrise',
    requiredBy: days(30),
    participants: {
      dana: { complete: days(-20) },
      luis: { complete: days(-20) },
      priya: { complete: days(-20) },
      sam: { complete: days(-20) },
    },
  },
  // booked for next month: until then Tom misses a mandatory course
  { provider: 'maple', requiredBy: days(45), participants: { tom: {} } },
];

/** CRD-5: [member, type, issued by, days ago, provider whose category weights the credits]. */
const CERTIFICATIONS = [
  ['grace', 'therapeuticFosterCarer', AGENCY, 20, 'hilltop'],
  ['luis', 'earlyChildhoodEducator', 'State Early Learning Board', 700],
  ['elena', 'familyTherapist', 'State Board of Behavioral Sciences', 300],
  ['noah', 'familyTherapist', 'State Board of Behavioral Sciences', 500],
  ['marcus', 'detentionOfficer', AGENCY, 100, 'lakeCounty'],
  ['olivia', 'detentionOfficer', AGENCY, 250, 'lakeCounty'],
  // expired after its 12 months, then renewed with a new validity period
  ['kevin', 'detentionOfficer', AGENCY, 500, 'lakeCounty', { renewFrom: days(-120) }],
];

/** CRD-1 */
const ACCREDITATIONS = [
  {
    provider: 'lakeCounty',
    accreditingBody: 'American Correctional Association',
    accreditationType: 'Juvenile detention standards',
    reference: 'ACA-JD-4471',
    startDate: days(-700),
    expiryDate: days(395),
  },
  {
    provider: 'lakeCounty',
    accreditingBody: 'State Juvenile Justice Commission',
    accreditationType: 'Secure facility standards',
    startDate: days(-1800),
    expiryDate: days(100),
    end: { endDate: days(-701), reason: 'Superseded by the ACA accreditation' },
  },
  {
    provider: 'riverside',
    accreditingBody: 'Council on Accreditation',
    accreditationType: 'Family counselling services',
    reference: 'COA-FC-2291',
    startDate: days(-400),
    expiryDate: days(1060),
  },
  {
    provider: 'sunrise',
    accreditingBody: 'National Association for the Education of Young Children',
    accreditationType: 'Early learning program',
    reference: 'NAEYC-88213',
    startDate: days(-300),
    expiryDate: days(1525),
  },
  {
    provider: 'sunrise',
    accreditingBody: 'National Association for the Education of Young Children',
    accreditationType: 'Early learning program',
    reference: 'NAEYC-61420',
    startDate: days(-2126),
    expiryDate: days(-301),
  },
];

const STATE_DCF = 'State Department of Children and Families';

/** CRD-2: licences covering provider services; Maple Street's is still pending. */
const LICENCES = [
  {
    service: 'hilltopFoster',
    type: 'fosterCare',
    number: 'FC-0117',
    issuingAuthority: STATE_DCF,
    from: monthStart(-10),
    approve: true,
  },
  {
    service: 'mapleFoster',
    type: 'fosterCare',
    number: 'FC-0242',
    issuingAuthority: STATE_DCF,
    from: monthStart(-1),
    approve: false,
  },
  {
    service: 'sunriseDayCare',
    type: 'childCare',
    number: 'CC-0031',
    issuingAuthority: 'State Office of Child Care Licensing',
    from: monthStart(-22),
    approve: true,
    // renewed ahead of the end of its 24 months
    renew: { reason: 'Annual inspection passed; renewed for another term' },
  },
  {
    service: 'lakeCountyDetention',
    type: 'secureCare',
    number: 'SC-0009',
    issuingAuthority: 'State Department of Juvenile Justice',
    from: monthStart(-8),
    approve: true,
  },
];

/** CRD-4, CRD-5: trainings first, since certifications need the credits they earn. */
export async function loadTrainingsAndCertifications(manager, ctx, progress) {
  const { members, providers, registry } = ctx;
  for (const [member, courseCode, trainingProviderName, daysAgo] of UNMANAGED) {
    await manager.post(`/members/${members[member]}/trainings`, {
      kind: 'unmanaged',
      courseCode,
      trainingProviderName,
      completedOn: days(-daysAgo),
    });
  }
  const { member: freeTextMember, ...freeText } = FREE_TEXT;
  await manager.post(`/members/${members[freeTextMember]}/trainings`, {
    kind: 'unmanaged',
    ...freeText,
  });

  let managed = 0;
  for (const { provider, requiredBy, participants } of MANAGED) {
    const keys = Object.keys(participants);
    const { items } = await manager.post(`/providers/${providers[provider]}/trainings`, {
      serviceProductId: registry.products.safeguardingTraining,
      requirement: 'mandatory',
      requiredBy,
      participantIds: keys.map((key) => members[key]),
    });
    for (const key of keys) {
      const training = items.find((item) => item.memberId === members[key]);
      const path = `/members/${members[key]}/trainings/${training.id}`;
      const outcome = participants[key];
      if (outcome.waive) {
        await manager.post(`${path}/waive`, { reason: outcome.waive });
      } else {
        await manager.post(`${path}/approve`);
        if (outcome.complete)
          await manager.post(`${path}/complete`, { completedOn: outcome.complete });
      }
      managed += 1;
    }
  }
  progress(
    `demo data: ${UNMANAGED.length + 1} unmanaged and ${managed} managed trainings ` +
      '(one waived; Tom Lopez still misses mandatory CHILD-SAFEGUARDING)',
  );

  for (const [member, type, issuedBy, daysAgo, provider, options] of CERTIFICATIONS) {
    const certification = await manager.post(`/members/${members[member]}/certifications`, {
      certificationTypeId: registry.certificationTypes[type],
      issuedBy,
      issuedOn: days(-daysAgo),
      ...(provider ? { providerId: providers[provider] } : {}),
    });
    if (options?.renewFrom) {
      await manager.post(`/members/${members[member]}/certifications/${certification.id}/renew`, {
        validFrom: options.renewFrom,
      });
    }
  }
  progress(`demo data: ${CERTIFICATIONS.length} member certifications (one renewed after expiry)`);
}

/** CRD-1, CRD-2, CRD-3: accreditations, then licences of the provider services. */
export async function loadAccreditationsAndLicences(manager, ctx, progress) {
  const { providers, services, registry } = ctx;
  for (const { provider, end, ...accreditation } of ACCREDITATIONS) {
    const base = `/providers/${providers[provider]}/accreditations`;
    const created = await manager.post(base, accreditation);
    if (end) await manager.post(`${base}/${created.id}/end`, end);
  }

  let approved = 0;
  for (const licence of LICENCES) {
    const { providerId, id: serviceId } = services[licence.service];
    const [prefix, serial] = licence.number.split('-');
    const base = `/providers/${providerId}/licences`;
    const recorded = await manager.post(base, {
      licenceTypeId: registry.licenceTypes[licence.type],
      number: `${prefix}-${licence.from.slice(0, 4)}-${serial}`,
      issuingAuthority: licence.issuingAuthority,
      from: licence.from,
      providerServiceIds: [serviceId],
    });
    if (licence.approve) {
      await manager.post(`${base}/${recorded.id}/approve`, {});
      approved += 1;
    }
    if (licence.renew) await manager.post(`${base}/${recorded.id}/renew`, licence.renew);
  }
  progress(
    `demo data: ${ACCREDITATIONS.length} accreditations (one ended early, one expired), ` +
      `${LICENCES.length} licences (${approved} approved, one of them renewed; ` +
      `${LICENCES.length - approved} pending)`,
  );
}
