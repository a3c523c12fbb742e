import { describe, expect, it } from '@jest/globals';
import { isShown, userDisplayStateChange } from './display-states.js';

describe('display states', () => {
  it('TAX-3: a user cannot set used', () => {
    expect(userDisplayStateChange('active', 'used')).toMatchObject({
      status: 422,
      refused: { rule: 'TAX-3', field: 'state' },
    });
  });

  it('TAX-3: a used term cannot be made inactive while indexed', () => {
    expect(userDisplayStateChange('used', 'inactive-shown')).toMatchObject({ status: 409 });
    expect(userDisplayStateChange('used', 'inactive-hidden')).toMatchObject({ status: 409 });
    expect(userDisplayStateChange('used', 'active')).toEqual({ state: 'used' });
  });

  it('TAX-3: inactive terms may be reactivated and active ones deactivated', () => {
    expect(userDisplayStateChange('inactive-hidden', 'active')).toEqual({ state: 'active' });
    expect(userDisplayStateChange('inactive-shown', 'inactive-hidden')).toEqual({
      state: 'inactive-hidden',
    });
    expect(userDisplayStateChange('active', 'inactive-shown')).toEqual({
      state: 'inactive-shown',
    });
  });

  it('TAX-3: only inactive-hidden terms are hidden', () => {
    expect(isShown('inactive-shown')).toBe(true);
    expect(isShown('inactive-hidden')).toBe(false);
  });
});
