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
  if (response.status !== 201)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

export async function loadDemoData(progress = console.log) {
  const staff = await token('rm.rivera');
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
