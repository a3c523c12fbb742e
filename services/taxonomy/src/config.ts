import { z } from 'zod';
import { DEFAULT_PORTS, kafkaVars, loadConfig, serviceVars } from '@platform/config';

export const taxonomyConfigShape = {
  ...serviceVars('taxonomy', DEFAULT_PORTS.taxonomy),
  ...kafkaVars,
  /**
   * TAX-1: the largest taxonomy file an import accepts. The real AIRS/211 file (~9,200 terms in
   * one language) is a few megabytes; the parse streams, so this bounds disk and time, not memory.
   */
  TAXONOMY_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
};

export type TaxonomyConfig = ReturnType<typeof loadTaxonomyConfig>;

export function loadTaxonomyConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('taxonomy', taxonomyConfigShape, env);
}
