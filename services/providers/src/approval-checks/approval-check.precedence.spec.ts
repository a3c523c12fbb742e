import { describe, expect, it } from '@jest/globals';
import type { ApprovalCheckScope } from '@platform/contracts';
import {
  ANY_APPROVAL_CHECK_SETTER,
  maySetApprovalCheck,
  resolveApprovalCheck,
  type ApprovalCheckContext,
  type ApprovalCheckSetting,
} from './approval-check.precedence.js';

const PRODUCT = 'product-1';
const OTHER_PRODUCT = 'product-2';

const context: ApprovalCheckContext = {
  serviceProductId: PRODUCT,
  productPercentage: 40,
  providerServiceId: 'ps-1',
  providerId: 'p-1',
  userId: 'u-1',
  organisationUnitId: 'ou-1',
};

const setting = (
  id: string,
  scope: ApprovalCheckScope,
  scopeId: string,
  serviceProductId: string | null,
  percentage: number | null,
): ApprovalCheckSetting => ({ id, scope, scopeId, serviceProductId, percentage });

/** One setting at every level, each with its own percentage, most specific first. */
const everyLevel: ApprovalCheckSetting[] = [
  setting('ps', 'provider-service', 'ps-1', PRODUCT, 1),
  setting('p-product', 'provider', 'p-1', PRODUCT, 2),
  setting('p-all', 'provider', 'p-1', null, 3),
  setting('u-product', 'user', 'u-1', PRODUCT, 4),
  setting('u-all', 'user', 'u-1', null, 5),
  setting('ou-product', 'organisation-unit', 'ou-1', PRODUCT, 6),
  setting('ou-all', 'organisation-unit', 'ou-1', null, 7),
];

describe('approval check precedence (SVC-8)', () => {
  it.each([
    ['provider-service', 'ps', 1],
    ['provider for the product', 'p-product', 2],
    ['provider for all services', 'p-all', 3],
    ['user for the product', 'u-product', 4],
    ['user for all services', 'u-all', 5],
    ['organisation unit for the product', 'ou-product', 6],
    ['organisation unit for all services', 'ou-all', 7],
  ])('SVC-8: the %s setting wins over every less specific one', (_level, settingId, percentage) => {
    // Drop every setting more specific than the one expected to win.
    const from = everyLevel.findIndex((candidate) => candidate.id === settingId);
    const effective = resolveApprovalCheck(context, everyLevel.slice(from).reverse());
    expect(effective.percentage).toBe(percentage);
    expect(effective.source.settingId).toBe(settingId);
  });

  it("SVC-8: with nothing set at any level the product's own percentage applies", () => {
    const effective = resolveApprovalCheck(context, []);
    expect(effective.percentage).toBe(40);
    expect(effective.source).toEqual({
      scope: 'service-product',
      id: PRODUCT,
      serviceProductId: PRODUCT,
      settingId: null,
    });
    expect(
      effective.considered.map((level) => [level.rank, level.scope, level.percentage]),
    ).toEqual([
      [1, 'provider-service', null],
      [2, 'provider', null],
      [3, 'provider', null],
      [4, 'user', null],
      [5, 'user', null],
      [6, 'organisation-unit', null],
      [7, 'organisation-unit', null],
      [8, 'service-product', 40],
    ]);
  });

  it('SVC-8: a setting of 0 is a setting — it wins, unlike a removed one (null)', () => {
    const effective = resolveApprovalCheck(context, [
      setting('p-all', 'provider', 'p-1', null, 0),
      setting('ps', 'provider-service', 'ps-1', PRODUCT, null),
    ]);
    expect(effective.percentage).toBe(0);
    expect(effective.source).toMatchObject({ scope: 'provider', id: 'p-1', settingId: 'p-all' });
    expect(effective.considered[0]).toMatchObject({ scope: 'provider-service', settingId: null });
  });

  it("SVC-8: another product's settings and other levels' ids are ignored", () => {
    const effective = resolveApprovalCheck(context, [
      setting('other-product', 'provider', 'p-1', OTHER_PRODUCT, 90),
      setting('other-provider', 'provider', 'p-2', null, 91),
      setting('other-user', 'user', 'u-2', PRODUCT, 92),
      setting('same-id-other-scope', 'user', 'p-1', null, 93),
      setting('ou', 'organisation-unit', 'ou-1', OTHER_PRODUCT, 94),
    ]);
    expect(effective.percentage).toBe(40);
    expect(effective.source.scope).toBe('service-product');
  });

  it('SVC-8: levels whose id is unknown are not considered', () => {
    const effective = resolveApprovalCheck(
      { serviceProductId: PRODUCT, productPercentage: 10, userId: 'u-1' },
      everyLevel,
    );
    expect(effective.percentage).toBe(4);
    expect(effective.considered.map((level) => [level.scope, level.serviceProductId])).toEqual([
      ['user', PRODUCT],
      ['user', null],
      ['service-product', PRODUCT],
    ]);
  });

  it('SVC-8: considered lists the levels below the winner too, with what is set there', () => {
    const effective = resolveApprovalCheck(context, everyLevel.slice(1));
    expect(effective.considered.map((level) => level.percentage)).toEqual([
      null,
      2,
      3,
      4,
      5,
      6,
      7,
      40,
    ]);
    expect(effective.source).toEqual({
      scope: 'provider',
      id: 'p-1',
      serviceProductId: PRODUCT,
      settingId: 'p-product',
    });
  });
});

describe('who sets approval checks at which level (SVC-8, ROLE)', () => {
  it.each([
    ['organisation-unit', 'administrator', true],
    ['user', 'administrator', true],
    ['provider', 'administrator', false],
    ['provider-service', 'administrator', false],
    ['organisation-unit', 'resource-manager', false],
    ['user', 'resource-manager-supervisor', false],
    ['provider', 'resource-manager', true],
    ['provider-service', 'resource-manager-supervisor', true],
    ['provider', 'case-worker', false],
    ['provider-service', 'operator', false],
  ] as const)('ROLE: setting a %s check as %s is allowed: %p', (scope, role, expected) => {
    expect(maySetApprovalCheck([role], scope)).toBe(expected);
  });

  it('ROLE: the route admits exactly the roles that may set some level', () => {
    expect([...ANY_APPROVAL_CHECK_SETTER].sort()).toEqual([
      'administrator',
      'resource-manager',
      'resource-manager-supervisor',
    ]);
  });
});
