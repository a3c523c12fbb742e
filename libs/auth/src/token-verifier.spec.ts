import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, generateKeyPair } from 'jose';
import { startDevIssuer, type DevIssuer } from './dev-issuer/dev-issuer.js';
import { DEMO_PROVIDER_ID, SEED_USERS } from './dev-issuer/seed-users.js';
import { InvalidTokenError, TokenVerifier } from './token-verifier.js';
import { ROLES } from '@platform/contracts';

const issuerName = 'urn:test-issuer';
const audience = 'provider-platform';
let issuer: DevIssuer;
let verifier: TokenVerifier;

beforeAll(async () => {
  issuer = await startDevIssuer({ port: 0, issuer: issuerName, audience });
  verifier = new TokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuerName, audience });
});
afterAll(() => issuer.close());

describe('development issuer and token verification', () => {
  it('ROLE: seeds a user for every role of DOMAIN.md', () => {
    const seeded = new Set(SEED_USERS.flatMap((user) => user.roles));
    expect([...seeded].sort()).toEqual([...ROLES].sort());
  });

  it('issues tokens over HTTP that verify against its JWKS URL', async () => {
    const response = await fetch(`${issuer.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sup.sato' }),
    });
    const { access_token } = (await response.json()) as { access_token: string };
    await expect(verifier.verify(access_token)).resolves.toEqual({
      userId: 'sup.sato',
      displayName: 'Sam Sato',
      roles: ['resource-manager-supervisor'],
    });
  });

  it('ROLE-2: a provider self-service token names its provider', async () => {
    const actor = await verifier.verify(await issuer.tokenFor('provider.sunrise'));
    expect(actor.providerId).toBe(DEMO_PROVIDER_ID);
  });

  it('rejects an unknown user with a problem naming the valid ones', async () => {
    const response = await fetch(`${issuer.url}/token?username=mallory`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('rm.rivera');
  });

  it('rejects a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ roles: ['administrator'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'dev-issuer-1' })
      .setSubject('mallory')
      .setIssuer(issuerName)
      .setAudience(audience)
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
  });

  it('rejects a token for another audience', async () => {
    const other = new TokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuerName, audience: 'x' });
    await expect(other.verify(await issuer.tokenFor('rm.rivera'))).rejects.toThrow(/aud/);
  });
});
