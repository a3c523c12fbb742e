import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * TAX-2 / TAX-8: the taxonomy service's events. A version's publication is keyed by taxonomy, so
 * a taxonomy's versions are seen in the order they were published; index changes are keyed by
 * provider service, so one service's indexes arrive in the order they were made.
 */
const taxonomy = { owner: 'taxonomy', aggregateType: 'taxonomy' } as const;
const serviceIndex = { owner: 'taxonomy', aggregateType: 'service-index' } as const;

const TAXONOMY_ID = '0199a3c2-9a10-7cc0-8d5e-0000000ab001';
const VERSION_ID = '0199a3c2-9a10-7cc0-8d5e-0000000ab101';
const PREVIOUS_VERSION_ID = '0199a3c2-9a10-7cc0-8d5e-0000000ab100';
const INDEX_ID = '0199a3c2-9a10-7cc0-8d5e-0000000ab201';
const PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const PROVIDER_SERVICE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000301';

/** TAX-2: a taxonomy version was published; the one published before it is superseded. */
export const taxonomyVersionPublished = defineEvent({
  ...taxonomy,
  type: 'taxonomy-version.published',
  version: 1,
  description:
    'A taxonomy version was published and is now the one indexing and search use (TAX-2); the ' +
    'version published before it (if any) is superseded. Republishing after edits (TAX-4) ' +
    'announces the same version again with its new term count.',
  schema: z.object({
    taxonomyId: z.uuid(),
    taxonomyName: z.string().min(1),
    versionId: z.uuid(),
    /** The release date of an imported AIRS/211 file (TAX-1), or a custom version's number. */
    versionLabel: z.string().min(1),
    supersededVersionId: z.uuid().nullable(),
    termCount: z.number().int().min(0),
  }),
  example: {
    taxonomyId: TAXONOMY_ID,
    taxonomyName: '211 LA County Taxonomy of Human Services',
    versionId: VERSION_ID,
    versionLabel: '2026-07-01',
    supersededVersionId: PREVIOUS_VERSION_ID,
    termCount: 9214,
  },
});

/** What every index event carries: the index, the provider service and its terms. */
const indexFacts = {
  indexId: z.uuid(),
  providerServiceId: z.uuid(),
  providerId: z.uuid(),
  taxonomyId: z.uuid(),
  /** TAX-8: one term, or a compound index's terms in order. */
  termCodes: z.array(z.string().min(1)).min(1),
  /** The terms' names joined with " * ", e.g. "Youth Mentoring * At Risk Youth * Girls". */
  compoundName: z.string().min(1),
};
const exampleIndex = {
  indexId: INDEX_ID,
  providerServiceId: PROVIDER_SERVICE_ID,
  providerId: PROVIDER_ID,
  taxonomyId: TAXONOMY_ID,
  termCodes: ['PH-1400.5000-500', 'YK-0300', 'YB-8000.2500'],
  compoundName: 'Youth Mentoring * At Risk Youth * Girls',
};

/** TAX-8: a provider service was indexed with a term or a compound of terms. */
export const serviceIndexAdded = defineEvent({
  ...serviceIndex,
  type: 'service-index.added',
  version: 1,
  description:
    'A provider service was indexed with a taxonomy term, or with a compound index of several ' +
    'terms joined with "*" (TAX-8); search finds it by any word of their names, use references ' +
    'and definitions from now on (TAX-9).',
  schema: z.object(indexFacts),
  example: exampleIndex,
});

/** TAX-8: an index was removed from a provider service. */
export const serviceIndexRemoved = defineEvent({
  ...serviceIndex,
  type: 'service-index.removed',
  version: 1,
  description:
    'An index was removed from a provider service (TAX-8): by a resource manager, or because an ' +
    'administrator accepted the deletion of one of its terms in a taxonomy update (TAX-5, ' +
    '`reason` says which).',
  schema: z.object({ ...indexFacts, reason: z.string().nullable() }),
  example: { ...exampleIndex, reason: null },
});

export const TAXONOMY_EVENTS = [
  taxonomyVersionPublished,
  serviceIndexAdded,
  serviceIndexRemoved,
] as const;
