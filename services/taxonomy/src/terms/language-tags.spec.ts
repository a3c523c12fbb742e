import { describe, expect, it } from '@jest/globals';
import { canonicalLanguage, isLanguageTag, languageInput } from './language-tags.js';

describe('language tags', () => {
  it('TAX-6: accepts a language with an optional region and spells it canonically', () => {
    expect(languageInput.parse('FR-ca')).toBe('fr-CA');
    expect(languageInput.parse('en')).toBe('en');
    expect(languageInput.parse('es-419')).toBe('es-419');
    expect(canonicalLanguage('ASE')).toBe('ase');
  });

  it('TAX-6: refuses what is not a language tag', () => {
    expect(isLanguageTag('english')).toBe(false);
    expect(isLanguageTag('e')).toBe(false);
    expect(isLanguageTag('fr_CA')).toBe(false);
    expect(isLanguageTag('fr-CAN')).toBe(false);
    expect(languageInput.safeParse('en-').success).toBe(false);
  });
});
