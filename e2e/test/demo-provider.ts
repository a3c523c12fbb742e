import pg from 'pg';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import type { Platform } from '../src/index.js';

/**
 * The demo provider (Sunrise Day Care), enrolled, with the fixed id the `provider.sunrise`
 * self-service user carries — inserted directly, because enrolment over the API would give it a
 * new id. Everything after (approval, services, licences) goes through the API.
 */
export async function insertDemoProvider(platform: Platform): Promise<string> {
  const pool = new pg.Pool({ connectionString: platform.databases.providers.url, max: 1 });
  try {
    await pool.query(
      `insert into provider (id, name, status, enrolled_by, address_line1, city, postal_code)
       values ($1, 'Sunrise Day Care', 'enrolled', 'seed', '4 Sunrise Way', 'Springfield', '12345')
       on conflict do nothing`,
      [DEMO_PROVIDER_ID],
    );
  } finally {
    await pool.end();
  }
  return DEMO_PROVIDER_ID;
}
