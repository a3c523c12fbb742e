import type { Role } from '@platform/contracts';

export interface SeedUser {
  username: string;
  displayName: string;
  roles: Role[];
  providerId?: string;
}

/** The demo provider whose self-service user is seeded (ROLE-2). */
export const DEMO_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';

/**
 * A second provider with a self-service user, so one provider can be shown not to see or sign
 * another's records (ROLE-2, SS-5). Listed before provider.sunrise: suites that pick "the"
 * provider user by role get provider.sunrise.
 */
export const SECOND_DEMO_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000002';

/** One user per role in DOMAIN.md (ROLE), so the platform runs without an identity provider. */
export const SEED_USERS: readonly SeedUser[] = [
  { username: 'admin.ada', displayName: 'Ada Administrator', roles: ['administrator'] },
  { username: 'rm.rivera', displayName: 'Rosa Rivera', roles: ['resource-manager'] },
  { username: 'sup.sato', displayName: 'Sam Sato', roles: ['resource-manager-supervisor'] },
  { username: 'fm.fischer', displayName: 'Fay Fischer', roles: ['facility-manager'] },
  { username: 'cw.chen', displayName: 'Chris Chen', roles: ['case-worker'] },
  { username: 'fin.fatima', displayName: 'Fatima Finance', roles: ['finance-user'] },
  {
    username: 'provider.harbor',
    displayName: 'Harbor Family Therapy (self-service)',
    roles: ['provider'],
    providerId: SECOND_DEMO_PROVIDER_ID,
  },
  {
    username: 'provider.sunrise',
    displayName: 'Sunrise Day Care (self-service)',
    roles: ['provider'],
    providerId: DEMO_PROVIDER_ID,
  },
  { username: 'ops.omar', displayName: 'Omar Operator', roles: ['operator'] },
];
