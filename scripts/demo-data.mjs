// Demo data for `npm start`: a few inquiries, so the work queue and the Temporal UI have something
// to show. Loaded through the public API (the same path a user takes), and only into an empty
// providers database, so restarting does not duplicate it.
import { ports } from './apps.mjs';

const providers = `http://127.0.0.1:${ports.providers}`;

async function token(username) {
  const response = await fetch(`http://127.0.0.1:${ports.devIssuer}/token?username=${username}`);
  return (await response.json()).access_token;
}

async function post(path, body, bearer) {
  const response = await fetch(`${providers}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const DEMO_PROVIDERS = [
  {
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
    approve: true,
  },
  {
    details: {
      name: 'Little Acorns Day Care Centre',
      addressLine1: '8 Market Street',
      city: 'Springfield',
      preferredLanguage: 'es',
      preferredCommunication: 'email',
      paymentMethod: 'eft',
      physicalCapacity: 40,
      designatedCapacity: 25,
    },
    approve: true,
  },
  {
    details: {
      name: 'Lake County Juvenile Detention Centre',
      addressLine1: '1 Lakeshore Drive',
      city: 'Lake County',
      preferredCommunication: 'mail',
      paymentMethod: 'cheque',
      physicalCapacity: 120,
      designatedCapacity: 80,
    },
    approve: true,
  },
  {
    details: {
      name: 'Riverside Family Therapy Practice',
      addressLine1: '230 River Walk',
      city: 'Shelbyville',
      preferredCommunication: 'web',
      paymentMethod: 'eft',
    },
    approve: false,
  },
];

/** Providers of the kinds an agency works with, in different lifecycle states. */
async function loadDemoProviders(staff, progress) {
  const existing = await fetch(`${providers}/providers?limit=1`, {
    headers: { authorization: `Bearer ${staff}` },
  }).then((r) => r.json());
  if (existing.total > 0) return;
  for (const { details, approve } of DEMO_PROVIDERS) {
    const provider = await post('/providers', details, staff);
    if (approve) await post(`/providers/${provider.id}/lifecycle`, { action: 'approve' }, staff);
  }
  progress(
    `demo data: ${DEMO_PROVIDERS.length} providers enrolled (foster home, day care, detention centre, therapy)`,
  );
}

export async function loadDemoData(progress = console.log) {
  const staff = await token('rm.rivera');
  await loadDemoProviders(staff, progress);
  const existing = await fetch(`${providers}/inquiries?limit=1`, {
    headers: { authorization: `Bearer ${staff}` },
  }).then((r) => r.json());
  if (existing.total > 0) {
    progress(`demo data: ${existing.total} inquiries already there, nothing added`);
    return;
  }
  await post('/inquiries', { name: 'Sunrise Day Care', email: 'hello@sunrise.example' }, staff);
  await post('/inquiries', { name: 'Lakeside Therapy Group', phone: '+1 555 0142' }, staff);
  await post('/self-service/inquiries', {
    name: 'Hilltop Foster Home',
    email: 'hilltop@example.org',
  });
  progress('demo data: 3 inquiries submitted (each starts an inquiry triage process)');
}
