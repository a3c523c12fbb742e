import { describe, expect, it } from '@jest/globals';
import { containsPattern } from './name-search.js';

describe('name search pattern', () => {
  it('SVC-1: matches names containing the text', () => {
    expect(containsPattern('Child')).toBe('%Child%');
  });

  it('escapes LIKE wildcards the user typed', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
