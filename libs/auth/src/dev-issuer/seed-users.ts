import type { Role } from '@platform/contracts';

export interface SeedUser {
  username: string;
  displayName: string;
  roles: Role[];
  providerId?: string;
}

/** The demo provider whose self-service user is seeded (ROLE-2). */
export const DEMO_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';

/** One user per role in DOMAIN.md (ROLE), so the platform runs without an identity provider. */
export const SEED_USERS: readonly SeedUser[] = [
  { username: 'admin.ada', displayName: 'Ada Administrator', roles: ['administrator'] },
  { username: 'rm.rivera', displayName: 'Rosa Rivera', roles: ['resource-manager'] },
  { username: 'sup.sato', displayName: 'Sam Sato', roles: ['resource-manager-supervisor'] },
  { username: 'fm.fischer', displayName: 'Fay Fischer', roles: ['facility-manager'] },
  { username: 'cw.chen', displayName: 'Chris Chen', roles: ['case-worker'] },
  { username: 'fin.fatima', displayName: 'Fatima Finance', roles: ['finance-user'] },
  {
    username: 'provider.sunrise',
    displayName: 'Sunrise Day Care (self-service)',
    roles: ['provider'],
    providerId: DEMO_PROVIDER_ID,
  },
  { username: 'ops.omar', displayName: 'Omar Operator', roles: ['operator'] },
];
