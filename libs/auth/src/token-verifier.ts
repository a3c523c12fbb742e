import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Actor, type Role } from '@platform/contracts';
import { Claims } from './claims.js';

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** Verifies bearer tokens against the issuer's JWKS and turns their claims into an Actor. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl));
  }

  async verify(token: string): Promise<Actor> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
      }));
    } catch (error) {
      throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    }
    const roles = payload[Claims.roles];
    if (!payload.sub || !Array.isArray(roles)) {
      throw new InvalidTokenError('token rejected: it needs a subject and a roles claim');
    }
    const providerId = payload[Claims.providerId];
    const name = payload[Claims.name];
    return {
      userId: payload.sub,
      roles: roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
      ...(typeof name === 'string' ? { displayName: name } : {}),
      ...(typeof providerId === 'string' ? { providerId } : {}),
    };
  }
}
