/** Roles of DOMAIN.md (ROLE). Tokens carry them; guards and workflow validators check them. */
export const ROLES = [
  'administrator',
  'resource-manager',
  'resource-manager-supervisor',
  'facility-manager',
  'case-worker',
  'finance-user',
  'provider',
  'operator',
] as const;

export type Role = (typeof ROLES)[number];

/** Who did something: carried in tokens, event envelopes and audit records. */
export interface Actor {
  readonly userId: string;
  readonly displayName?: string;
  readonly roles: readonly Role[];
  /** Set for provider self-service users (ROLE-2): the provider whose records they may see. */
  readonly providerId?: string;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', displayName: 'Platform', roles: [] };

export function hasAnyRole(actor: Pick<Actor, 'roles'>, allowed: readonly Role[]): boolean {
  return actor.roles.some((role) => allowed.includes(role));
}

/** Agency staff: every role but provider self-service users and operators (who only watch). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter(
  (role) => role !== 'provider' && role !== 'operator',
);
