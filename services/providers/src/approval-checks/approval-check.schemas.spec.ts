import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import {
  effectiveApprovalCheckQuery,
  listApprovalChecksQuery,
  setApprovalCheckBody,
  setApprovalCheckExample,
} from './approval-check.schemas.js';

const fieldsOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));

const PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';

describe('approval check body (SVC-8)', () => {
  it('the documented example is valid; no product means all services', () => {
    expect(setApprovalCheckBody.parse(setApprovalCheckExample)).toEqual(setApprovalCheckExample);
    const allServices = setApprovalCheckBody.parse({
      scope: 'user',
      scopeId: 'jdoe',
      percentage: 10,
    });
    expect(allServices.serviceProductId).toBeNull();
  });

  it.each([0, 1, 50, 99, 100])('SVC-8: %p percent is accepted', (percentage) => {
    const result = setApprovalCheckBody.safeParse({ ...setApprovalCheckExample, percentage });
    expect(result.success).toBe(true);
  });

  it.each([-1, 101, 12.5, '40', null])('SVC-8: %p is refused, naming percentage', (percentage) => {
    const result = setApprovalCheckBody.safeParse({ ...setApprovalCheckExample, percentage });
    expect(fieldsOf(result)).toEqual(['percentage']);
    expect(result.error?.issues[0]?.message).toMatch(/0 to 100/);
  });

  it('SVC-8: organisation-unit and user ids are opaque; provider ids must be UUIDs', () => {
    for (const scope of ['organisation-unit', 'user'] as const) {
      expect(
        setApprovalCheckBody.safeParse({ scope, scopeId: 'north-region', percentage: 5 }).success,
      ).toBe(true);
    }
    for (const scope of ['provider', 'provider-service'] as const) {
      const result = setApprovalCheckBody.safeParse({ scope, scopeId: 'sunrise', percentage: 5 });
      expect(fieldsOf(result)).toEqual(['scopeId']);
      expect(result.error?.issues[0]?.message).toMatch(/^SVC-8: must be the UUID of a provider/);
    }
  });

  it('names every bad field: unknown scope, blank id, malformed product, unknown key', () => {
    const result = setApprovalCheckBody.safeParse({
      scope: 'region',
      scopeId: '  ',
      serviceProductId: 'counselling',
      percentage: 10,
      note: 'x',
    });
    expect(fieldsOf(result).sort()).toEqual(['', 'scope', 'scopeId', 'serviceProductId']);
  });
});

describe('approval check queries (SVC-8)', () => {
  it('the effective percentage needs a product or a provider service', () => {
    expect(fieldsOf(effectiveApprovalCheckQuery.safeParse({ providerId: PROVIDER_ID }))).toEqual([
      'serviceProductId',
    ]);
    expect(
      effectiveApprovalCheckQuery.safeParse({ providerServiceId: PROVIDER_ID, userId: 'jdoe' })
        .success,
    ).toBe(true);
  });

  it('lists filter by scope, scope id and product, paginated', () => {
    expect(
      listApprovalChecksQuery.parse({ scope: 'provider', scopeId: PROVIDER_ID, limit: '5' }),
    ).toEqual({ scope: 'provider', scopeId: PROVIDER_ID, limit: 5, offset: 0 });
    expect(fieldsOf(listApprovalChecksQuery.safeParse({ scope: 'team' }))).toEqual(['scope']);
  });
});
