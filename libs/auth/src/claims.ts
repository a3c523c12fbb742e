/** Claim names in platform tokens beyond the registered ones (sub, iss, aud, exp). */
export const Claims = {
  name: 'name',
  roles: 'roles',
  providerId: 'provider_id',
} as const;
