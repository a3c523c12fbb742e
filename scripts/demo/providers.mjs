// Providers of the kinds an agency works with — two foster homes, a day-care centre, a detention
// centre, a therapy practice and a group home awaiting approval — with their lifecycle,
// classification, specialties and service centres, and the provider groups they belong to.
import pg from 'pg';
import { createEvent, providerEnrolled, topicFor } from '@platform/contracts';
import { loadConfig } from '../../infra/launcher/config.mjs';
import { readEndpointsFile } from '../../infra/launcher/endpoints.mjs';
import { appDefinitions } from '../apps.mjs';
import { days, monthStart, thisYear } from './http.mjs';

/**
 * The seeded self-service user `provider.sunrise` (libs/auth/src/dev-issuer/seed-users.ts) acts
 * for the fixed id DEMO_PROVIDER_ID. The API gives every enrolled provider a new random id and
 * cannot be told to use that one, so this single provider row (and its enrolment in the status
 * history) is inserted with SQL — into the providers database the launcher gives the providers
 * service — exactly as `POST /providers` would have stored it. Everything else about Sunrise
 * (approval, classification, members, services, licences …) goes through the API like the other
 * providers, so logging in as provider.sunrise shows a populated self-service view. Its
 * `provider.enrolled` event goes into the service's outbox in the same transaction, as the API
 * would have recorded it, so the services that keep copies of providers (finance, placements,
 * taxonomy) learn its name.
 */
export const DEMO_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';

const SUNRISE = {
  name: 'Sunrise Day Care',
  addressLine1: '27 Sunrise Avenue',
  city: 'Springfield',
  postalCode: '12346',
  preferredLanguage: 'en',
  preferredCommunication: 'web',
  paymentMethod: 'eft',
  physicalCapacity: 45,
  designatedCapacity: 36,
};

function providersDatabaseUrl() {
  const endpoints = readEndpointsFile(loadConfig(process.env).endpointsFile);
  const app = appDefinitions(endpoints).find(({ name }) => name === 'providers');
  return app.env.DATABASE_URL;
}

/** Inserts Sunrise Day Care, enrolled, with the id its self-service user acts for. */
async function insertSunrise(enrolledBy) {
  const client = new pg.Client({ connectionString: providersDatabaseUrl() });
  await client.connect();
  try {
    await client.query('begin');
    const inserted = await client.query(
      `insert into provider (id, name, status, address_line1, city, postal_code, preferred_language,
         preferred_communication, payment_method, physical_capacity, designated_capacity,
         enrolled_by, updated_by)
       values ($1, $2, 'enrolled', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
       on conflict (id) do nothing`,
      [
        DEMO_PROVIDER_ID,
        SUNRISE.name,
        SUNRISE.addressLine1,
        SUNRISE.city,
        SUNRISE.postalCode,
        SUNRISE.preferredLanguage,
        SUNRISE.preferredCommunication,
        SUNRISE.paymentMethod,
        SUNRISE.physicalCapacity,
        SUNRISE.designatedCapacity,
        enrolledBy,
      ],
    );
    if (inserted.rowCount === 1) {
      await client.query(
        `insert into provider_status_change (provider_id, action, from_status, to_status, reason, actor)
         values ($1, 'enrol', null, 'enrolled', null, $2)`,
        [DEMO_PROVIDER_ID, enrolledBy],
      );
      const enrolled = createEvent(providerEnrolled, {
        aggregateId: DEMO_PROVIDER_ID,
        actor: { userId: enrolledBy, roles: ['resource-manager'] },
        data: { providerId: DEMO_PROVIDER_ID, name: SUNRISE.name, fromInquiryId: null },
      });
      await client.query(
        `insert into outbox_message (id, topic, message_key, event_type, envelope)
         values ($1, $2, $3, $4, $5)`,
        [enrolled.id, topicFor(providerEnrolled), DEMO_PROVIDER_ID, enrolled.type, enrolled],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

/** Enrolled through the API (PRV-3), then moved through their lifecycle (PRV-1). */
const ENROLLED = {
  hilltop: {
    details: {
      name: 'Hilltop Foster Home',
      addressLine1: '12 Hill Road',
      city: 'Springfield',
      postalCode: '12345',
      preferredLanguage: 'en',
      preferredCommunication: 'phone',
      paymentMethod: 'eft',
      physicalCapacity: 4,
      designatedCapacity: 3,
    },
    lifecycle: [{ action: 'approve' }],
  },
  maple: {
    details: {
      name: 'Maple Street Foster Home',
      addressLine1: '58 Maple Street',
      city: 'Springfield',
      postalCode: '12347',
      preferredLanguage: 'es',
      preferredCommunication: 'phone',
      paymentMethod: 'eft',
      physicalCapacity: 3,
      designatedCapacity: 2,
    },
    lifecycle: [{ action: 'approve' }],
  },
  lakeCounty: {
    details: {
      name: 'Lake County Juvenile Detention Centre',
      addressLine1: '1 Lakeshore Drive',
      city: 'Lake County',
      preferredCommunication: 'mail',
      paymentMethod: 'cheque',
      physicalCapacity: 120,
      designatedCapacity: 80,
    },
    lifecycle: [
      { action: 'approve' },
      { action: 'suspend', reason: 'Staffing below the licensed ratio at the fire inspection' },
      { action: 'reinstate', reason: 'Staffing restored; re-inspection passed' },
    ],
  },
  riverside: {
    details: {
      name: 'Riverside Family Therapy Practice',
      addressLine1: '230 River Walk',
      city: 'Shelbyville',
      preferredLanguage: 'en',
      preferredCommunication: 'web',
      paymentMethod: 'eft',
    },
    lifecycle: [{ action: 'approve' }],
  },
  oakwood: {
    details: {
      name: 'Oakwood Group Home',
      addressLine1: '400 Oak Lane',
      city: 'Shelbyville',
      preferredCommunication: 'email',
      paymentMethod: 'cheque',
      physicalCapacity: 10,
      designatedCapacity: 8,
    },
    lifecycle: [], // enrolled, awaiting the resource manager's decision
  },
};

/** PRV-3: category and type, specialties and service centres (locations of non-placement services). */
const CLASSIFICATION = {
  sunrise: {
    categoryCode: 'community',
    typeCode: 'day-care',
    specialties: ['infants-toddlers', 'spanish-speaking'],
    centres: [
      {
        name: 'Sunrise Main Centre',
        addressLine1: '27 Sunrise Avenue',
        city: 'Springfield',
        postalCode: '12346',
        phone: '+1 555 0100',
        from: `${thisYear - 3}-09-01`,
      },
      {
        name: 'Sunrise Riverside Annex',
        addressLine1: '4 River Street',
        city: 'Springfield',
        postalCode: '12346',
        phone: '+1 555 0101',
        from: monthStart(-4),
      },
    ],
  },
  hilltop: {
    categoryCode: 'residential',
    typeCode: 'foster-home',
    specialties: ['sibling-groups', 'trauma-informed'],
  },
  maple: {
    categoryCode: 'residential',
    typeCode: 'foster-home',
    specialties: ['infants-toddlers', 'spanish-speaking'],
  },
  lakeCounty: { categoryCode: 'residential', typeCode: 'detention', specialties: ['adolescents'] },
  riverside: {
    categoryCode: 'community',
    typeCode: 'therapy-practice',
    specialties: ['trauma-informed', 'developmental-delay'],
    centres: [
      {
        name: 'Riverside Therapy Rooms',
        addressLine1: '230 River Walk',
        city: 'Shelbyville',
        phone: '+1 555 0142',
        from: `${thisYear - 2}-03-01`,
      },
      {
        name: 'Downtown Satellite Office',
        addressLine1: '9 Main Street, Suite 4',
        city: 'Shelbyville',
        from: `${thisYear - 2}-03-01`,
        close: { to: days(-60), reason: 'Lease ended; sessions moved to River Walk' },
      },
    ],
  },
  oakwood: { categoryCode: 'residential', typeCode: 'group-home', specialties: ['adolescents'] },
};

/** PRV-4, PRV-5: groups, their affiliated providers and where the providers' payments go. */
const GROUPS = [
  {
    name: 'Springfield Foster Care Network',
    affiliations: [
      {
        provider: 'hilltop',
        startDate: `${thisYear - 1}-01-01`,
        paymentsToGroup: false,
        // from this year the network is paid, and pays its carers itself
        directions: [{ effectiveFrom: `${thisYear}-01-01`, paymentsToGroup: true }],
      },
      { provider: 'maple', startDate: monthStart(-2), paymentsToGroup: true },
    ],
  },
  {
    name: 'Springfield Community Services Alliance',
    affiliations: [
      { provider: 'sunrise', startDate: `${thisYear - 1}-07-01`, paymentsToGroup: false },
      { provider: 'riverside', startDate: `${thisYear - 1}-07-01`, paymentsToGroup: false },
    ],
  },
  {
    name: 'Eastside Carers Cooperative',
    affiliations: [],
    close: 'Merged into the Springfield Foster Care Network',
  },
];

/**
 * Loads the providers and groups as the resource manager; answers the provider ids by key
 * (`sunrise` is DEMO_PROVIDER_ID).
 */
export async function loadProviders(manager, progress) {
  await insertSunrise(manager.username);
  const providers = { sunrise: DEMO_PROVIDER_ID };
  await manager.post(`/providers/${DEMO_PROVIDER_ID}/lifecycle`, { action: 'approve' });
  let moves = 1;
  for (const [key, { details, lifecycle }] of Object.entries(ENROLLED)) {
    providers[key] = (await manager.post('/providers', details)).id;
    for (const move of lifecycle) {
      await manager.post(`/providers/${providers[key]}/lifecycle`, move);
      moves += 1;
    }
  }

  let specialties = 0;
  let centres = 0;
  for (const [key, classification] of Object.entries(CLASSIFICATION)) {
    const id = providers[key];
    const { categoryCode, typeCode } = classification;
    await manager.put(`/providers/${id}/classification`, { categoryCode, typeCode });
    for (const specialtyCode of classification.specialties) {
      await manager.post(`/providers/${id}/specialties`, { specialtyCode });
      specialties += 1;
    }
    for (const { close, ...centre } of classification.centres ?? []) {
      const created = await manager.post(`/providers/${id}/service-centres`, centre);
      if (close) await manager.post(`/providers/${id}/service-centres/${created.id}/close`, close);
      centres += 1;
    }
  }
  progress(
    `demo data: ${Object.keys(providers).length} providers (Sunrise Day Care inserted with its ` +
      `fixed id, the others enrolled), ${moves} lifecycle moves, ${specialties} specialties, ` +
      `${centres} service centres`,
  );

  let affiliations = 0;
  for (const group of GROUPS) {
    const { id } = await manager.post('/provider-groups', { name: group.name });
    for (const { provider, directions = [], ...affiliation } of group.affiliations) {
      const created = await manager.post(`/provider-groups/${id}/affiliations`, {
        providerId: providers[provider],
        ...affiliation,
      });
      for (const direction of directions) {
        await manager.post(
          `/provider-groups/${id}/affiliations/${created.id}/payment-direction`,
          direction,
        );
      }
      affiliations += 1;
    }
    if (group.close) {
      await manager.post(`/provider-groups/${id}/lifecycle`, {
        action: 'close',
        reason: group.close,
      });
    }
  }
  progress(
    `demo data: ${GROUPS.length} provider groups (one closed) with ${affiliations} affiliations ` +
      'and a payment direction change',
  );
  return providers;
}
