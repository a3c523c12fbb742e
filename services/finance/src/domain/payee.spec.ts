import { describe, expect, it } from '@jest/globals';
import { dateRange } from '@platform/kernel';
import { day } from '../../test/support/domain-fixtures.js';
import { resolvePayee, type PayeeFacts, type PaymentDirectionChange } from './payee.js';

const change = (overrides: Partial<PaymentDirectionChange> = {}): PaymentDirectionChange => ({
  groupId: 'group-1',
  affiliationId: 'aff-1',
  affiliation: dateRange(day('2026-01-01')),
  effectiveFrom: day('2026-01-01'),
  paymentsToGroup: true,
  ...overrides,
});

const facts = (overrides: Partial<PayeeFacts> = {}): PayeeFacts => ({
  providerId: 'provider-1',
  nomineeId: null,
  paymentDirection: [],
  serviceDate: day('2026-02-15'),
  ...overrides,
});

describe('payee (FIN-14, PRV-5)', () => {
  it('FIN-14: with no affiliation the provider is paid', () => {
    expect(resolvePayee(facts())).toEqual({
      kind: 'provider',
      payeeId: 'provider-1',
      rule: 'FIN-14',
    });
  });

  it('PRV-5: payments go to the group when its affiliation says so at the service date', () => {
    expect(resolvePayee(facts({ paymentDirection: [change()] }))).toEqual({
      kind: 'group',
      payeeId: 'group-1',
      affiliationId: 'aff-1',
      rule: 'PRV-5',
    });
  });

  it('PRV-5: the direction at the service date decides, not the latest one', () => {
    const history = [
      change({ effectiveFrom: day('2026-01-01'), paymentsToGroup: false }),
      change({ effectiveFrom: day('2026-03-01'), paymentsToGroup: true }),
      change({ effectiveFrom: day('2026-05-01'), paymentsToGroup: false }),
    ];
    expect(
      resolvePayee(facts({ paymentDirection: history, serviceDate: day('2026-02-28') })).kind,
    ).toBe('provider');
    expect(
      resolvePayee(facts({ paymentDirection: history, serviceDate: day('2026-03-01') })).kind,
    ).toBe('group');
    expect(
      resolvePayee(facts({ paymentDirection: history, serviceDate: day('2026-05-01') })).kind,
    ).toBe('provider');
  });

  it('PRV-5: a change listed out of order is still read by its date', () => {
    const history = [
      change({ effectiveFrom: day('2026-02-01'), paymentsToGroup: false }),
      change({ effectiveFrom: day('2026-01-01') }),
    ];
    expect(resolvePayee(facts({ paymentDirection: history })).kind).toBe('provider');
  });

  it('PRV-5: outside the affiliation (ended, or not yet begun) the provider is paid', () => {
    const ended = change({ affiliation: dateRange(day('2026-01-01'), day('2026-01-31')) });
    expect(resolvePayee(facts({ paymentDirection: [ended] })).kind).toBe('provider');
    const later = change({
      affiliation: dateRange(day('2026-03-01')),
      effectiveFrom: day('2026-03-01'),
    });
    expect(resolvePayee(facts({ paymentDirection: [later] })).kind).toBe('provider');
  });

  it('FIN-14: the nominee of the authorization line item comes first, even over the group', () => {
    expect(resolvePayee(facts({ nomineeId: 'nominee-9', paymentDirection: [change()] }))).toEqual({
      kind: 'nominee',
      payeeId: 'nominee-9',
      rule: 'FIN-14',
    });
  });

  it('PRV-5: two affiliations paying their groups → the most recent direction change wins', () => {
    const older = change({
      groupId: 'group-old',
      affiliationId: 'aff-old',
      effectiveFrom: day('2026-01-01'),
    });
    const newer = change({
      groupId: 'group-new',
      affiliationId: 'aff-new',
      effectiveFrom: day('2026-02-01'),
    });
    expect(resolvePayee(facts({ paymentDirection: [newer, older] })).payeeId).toBe('group-new');
    expect(resolvePayee(facts({ paymentDirection: [older, newer] })).payeeId).toBe('group-new');
  });

  it('PRV-5: one affiliation paying the provider does not hide another paying its group', () => {
    const toProvider = change({
      groupId: 'group-a',
      affiliationId: 'aff-a',
      paymentsToGroup: false,
      effectiveFrom: day('2026-02-01'),
    });
    const toGroup = change({ groupId: 'group-b', affiliationId: 'aff-b' });
    expect(resolvePayee(facts({ paymentDirection: [toProvider, toGroup] })).payeeId).toBe(
      'group-b',
    );
  });
});
