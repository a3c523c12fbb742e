import { z } from 'zod';

/**
 * TAX-6: the languages of term texts are BCP 47 tags as taxonomies use them — a 2–3 letter
 * language with an optional region ("en", "fr-CA", "es-419"). Stored in canonical case ("fr-CA"),
 * so "FR-ca" and "fr-CA" are the same language.
 */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-([A-Za-z]{2}|\d{3}))?$/;

/** The canonical spelling of a tag: language lower case, region upper case. */
export function canonicalLanguage(tag: string): string {
  const [language = '', region] = tag.split('-');
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}

export function isLanguageTag(value: string): boolean {
  return LANGUAGE_TAG.test(value);
}

export const languageInput = z
  .string()
  .trim()
  .regex(LANGUAGE_TAG, 'must be a BCP 47 language tag like en or fr-CA')
  .transform(canonicalLanguage)
  .meta({ example: 'fr-CA' });
