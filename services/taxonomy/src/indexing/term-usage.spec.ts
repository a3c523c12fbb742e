import { describe, expect, it } from '@jest/globals';
import { displayStateForUsage } from './term-usage.js';

describe('system-managed display states (TAX-3)', () => {
  it('TAX-3: an active term becomes used when indexed, and active again when no index uses it', () => {
    expect(displayStateForUsage('active', true)).toBe('used');
    expect(displayStateForUsage('used', true)).toBe('used');
    expect(displayStateForUsage('used', false)).toBe('active');
    expect(displayStateForUsage('active', false)).toBe('active');
  });

  it('TAX-3: indexing never changes an inactive state an administrator chose', () => {
    expect(displayStateForUsage('inactive-shown', true)).toBe('inactive-shown');
    expect(displayStateForUsage('inactive-hidden', false)).toBe('inactive-hidden');
  });
});
