// The demo data's way in: the providers service's public HTTP API, as one of the seeded users of
// the dev issuer (the same path a user of the platform takes), plus the calendar dates the demo
// records are placed at (relative to today, so the demo never goes stale).
import { ports } from '../apps.mjs';

const providersApi = `http://127.0.0.1:${ports.providers}`;
const tasksApi = `http://127.0.0.1:${ports.tasks}`;
const financeApi = `http://127.0.0.1:${ports.finance}`;
const placementsApi = `http://127.0.0.1:${ports.placements}`;
const taxonomyApi = `http://127.0.0.1:${ports.taxonomy}`;

async function token(username) {
  const response = await fetch(`http://127.0.0.1:${ports.devIssuer}/token?username=${username}`);
  if (!response.ok) {
    throw new Error(
      `dev issuer: no token for ${username}: ${response.status} ${await response.text()}`,
    );
  }
  return (await response.json()).access_token;
}

async function call(method, path, { api, body, xml, bearer, username }) {
  const contentType = xml !== undefined ? 'application/xml' : 'application/json';
  const payload = xml ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      ...(payload === undefined ? {} : { 'content-type': contentType }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: payload,
  });
  const text = await response.text();
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${path} as ${username}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

function client(api, username, bearer) {
  const request = (method) => (path, body) =>
    call(method, path, { api, body, bearer, username: username ?? 'guest' });
  return {
    username,
    get: request('GET'),
    post: request('POST'),
    put: request('PUT'),
    patch: request('PATCH'),
    delete: request('DELETE'),
    /** POSTs an XML document (a taxonomy file) as it is. */
    postXml: (path, xml) => call('POST', path, { api, xml, bearer, username: username ?? 'guest' }),
  };
}

/**
 * A client of the providers API acting as a seeded user (`null`: a guest, no token), with `tasks`,
 * `finance`, `placements` and `taxonomy`, the same user's clients of those APIs. Every non-2xx answer throws with the method, path,
 * user, status and body, so a broken demo fails loudly.
 */
export async function actingAs(username) {
  const bearer = username ? await token(username) : null;
  return {
    ...client(providersApi, username, bearer),
    tasks: client(tasksApi, username, bearer),
    finance: client(financeApi, username, bearer),
    placements: client(placementsApi, username, bearer),
    taxonomy: client(taxonomyApi, username, bearer),
  };
}

/** Polls `read` until it answers something (processes run asynchronously), for up to a minute. */
export async function waitFor(what, read) {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    const found = await read();
    if (found) return found;
    if (Date.now() > giveUpAt) throw new Error(`demo data: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The number of items a paginated list reports. */
export async function countOf(api, path) {
  const page = await api.get(`${path}${path.includes('?') ? '&' : '?'}limit=1`);
  return page.total;
}

// ---- calendar dates (YYYY-MM-DD, UTC, as the service's "today") ----

const DAY_MS = 86_400_000;
const iso = (date) => date.toISOString().slice(0, 10);
const now = new Date();
const todayUtc = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

export const today = iso(new Date(todayUtc));
export const thisYear = now.getUTCFullYear();

/** `n` days from today (negative: in the past). */
export const days = (n) => iso(new Date(todayUtc + n * DAY_MS));

/** The first day of the month `n` months from this one (negative: in the past). */
export const monthStart = (n) => iso(new Date(Date.UTC(thisYear, now.getUTCMonth() + n, 1)));

/** A moment `n` days from now at a time of day, e.g. at(-12, '21:40') for an incident report. */
export const at = (n, time) => `${days(n)}T${time}:00Z`;
