import { SEED_USERS } from '@platform/auth';

const userForRole = new Map(SEED_USERS.map((user) => [user.roles[0] as string, user.username]));

/** The seed user whose (first) role is `role`, to probe a guard as exactly that role (ROLE). */
export function seedUserWithRole(role: string): string {
  const user = userForRole.get(role);
  if (!user) throw new Error(`no seed user has the role ${role}`);
  return user;
}
