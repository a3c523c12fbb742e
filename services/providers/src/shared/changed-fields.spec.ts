import { describe, expect, it } from '@jest/globals';
import { changedFields } from './changed-fields.js';

describe('changed fields of an update event', () => {
  it('names only the fields whose values differ, however nested', () => {
    const before = { name: 'Day care', tracking: { a: 1, b: { c: [1, 2] } }, groups: ['x'] };
    const after = { name: 'Day care', tracking: { b: { c: [1, 3] }, a: 1 }, groups: ['x'] };
    expect(changedFields(before, after)).toEqual(['tracking']);
  });

  it('ignores key order, so a stored configuration read back from jsonb is unchanged', () => {
    expect(changedFields({ t: { a: 1, b: 2 } }, { t: { b: 2, a: 1 } })).toEqual([]);
  });
});
