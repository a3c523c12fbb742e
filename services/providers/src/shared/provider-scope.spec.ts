import { describe, expect, it } from '@jest/globals';
import { NotFoundProblem } from '@platform/http';
import { listedProviderId } from './provider-scope.js';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const staff = { userId: 'rm', roles: ['resource-manager'] as const };
const provider = { userId: 'p', roles: ['provider'] as const, providerId: OWN };

describe('the provider a list across providers is narrowed to (ROLE-2, SS-3)', () => {
  it('staff see the provider they asked for, or every provider', () => {
    expect(listedProviderId(staff, OTHER)).toBe(OTHER);
    expect(listedProviderId(staff, undefined)).toBeUndefined();
  });

  it("ROLE-2: a provider's own user sees only its own records, asked or not", () => {
    expect(listedProviderId(provider, undefined)).toBe(OWN);
    expect(listedProviderId(provider, OWN)).toBe(OWN);
  });

  it("ROLE-2: asking for another provider's records is a 404, as for an unknown provider", () => {
    expect(() => listedProviderId(provider, OTHER)).toThrow(NotFoundProblem);
  });

  it('a provider token without a provider id matches nothing', () => {
    expect(listedProviderId({ userId: 'p', roles: ['provider'] }, undefined)).toBe('');
  });
});
