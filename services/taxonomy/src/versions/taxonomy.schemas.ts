import { z } from 'zod';
import { pageQuery, textInput } from '@platform/http';
import { languageInput } from '../terms/language-tags.js';

const versionLabel = textInput(50);

/** TAX-7: a custom taxonomy — name, language and country, and its first version's label. */
export const createTaxonomyBody = z
  .object({
    name: textInput(200),
    /** TAX-6: the default language of its terms' texts. */
    language: languageInput,
    /** ISO 3166-1 alpha-2 country code. */
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code like US or CA')
      .transform((code) => code.toUpperCase()),
    versionLabel,
  })
  .strict();
export type CreateTaxonomyBody = z.infer<typeof createTaxonomyBody>;
export const createTaxonomyExample = {
  name: 'Harbor County Youth Services',
  language: 'en',
  country: 'US',
  versionLabel: '1.0',
};

export const listTaxonomiesQuery = pageQuery
  .extend({
    kind: z.enum(['airs', 'custom']).optional(),
    /** Contained in the taxonomy's name, case-insensitive. */
    name: textInput(200).optional(),
  })
  .strict();
export type ListTaxonomiesQuery = z.infer<typeof listTaxonomiesQuery>;

export const newVersionBody = z.object({ versionLabel }).strict();
export type NewVersionBody = z.infer<typeof newVersionBody>;
export const newVersionExample = { versionLabel: '1.1' };
