import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * PRV-3: how a provider is classified (category and type), its specialties and its service
 * centres. All belong to the provider aggregate, so they share the provider's topic
 * (`providers.provider`) keyed by provider id and stay ordered with its other events. Each event
 * carries the full resulting state of what changed, so a search index in another context can be
 * kept by overwriting, without replaying history.
 */
const provider = { owner: 'providers', aggregateType: 'provider' } as const;

const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_CENTRE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000301';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().min(1);

/** PRV-3: the provider's category or type changed (either may be cleared: null). */
export const providerClassified = defineEvent({
  ...provider,
  type: 'provider.classified',
  version: 1,
  description:
    "A provider's category and/or type changed (PRV-3: the type is a sub-classification of the " +
    'category). Carries the new and previous codes with the names they had at the time; null ' +
    'means none.',
  schema: z.object({
    providerId: z.uuid(),
    categoryCode: code.nullable(),
    categoryName: z.string().nullable(),
    typeCode: code.nullable(),
    typeName: z.string().nullable(),
    previousCategoryCode: code.nullable(),
    previousTypeCode: code.nullable(),
  }),
  example: {
    providerId: EXAMPLE_PROVIDER_ID,
    categoryCode: 'foster-care',
    categoryName: 'Foster care',
    typeCode: 'therapeutic',
    typeName: 'Therapeutic foster home',
    previousCategoryCode: null,
    previousTypeCode: null,
  },
});

/** PRV-3: a specialty was added to or removed from a provider. */
export const providerSpecialtiesChanged = defineEvent({
  ...provider,
  type: 'provider.specialties-changed',
  version: 1,
  description:
    "A provider's specialties changed (PRV-3). `added`/`removed` say what this change did; " +
    '`specialtyCodes` is the complete set afterwards, sorted.',
  schema: z.object({
    providerId: z.uuid(),
    added: z.array(code),
    removed: z.array(code),
    specialtyCodes: z.array(code),
  }),
  example: {
    providerId: EXAMPLE_PROVIDER_ID,
    added: ['autism-support'],
    removed: [],
    specialtyCodes: ['autism-support', 'sibling-groups'],
  },
});

const serviceCentre = z.object({
  providerId: z.uuid(),
  serviceCentreId: z.uuid(),
  name: z.string().min(1),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  /** First day the centre delivers services. */
  from: calendarDate,
  /** Last day (inclusive); null while open-ended. */
  to: calendarDate.nullable(),
});

const centreExample = {
  providerId: EXAMPLE_PROVIDER_ID,
  serviceCentreId: EXAMPLE_CENTRE_ID,
  name: 'Sunrise Riverside Centre',
  addressLine1: '4 River Street',
  addressLine2: null,
  city: 'Springfield',
  region: null,
  postalCode: '12346',
  phone: '+1 555 0100',
  from: '2026-01-01',
  to: null,
};

/** PRV-3: a provider opened a service centre (a location of non-placement services). */
export const providerServiceCentreAdded = defineEvent({
  ...provider,
  type: 'provider-service-centre.added',
  version: 1,
  description:
    'A provider got a service centre, a location where it delivers non-placement services ' +
    '(PRV-3), active from `from` (to `to` inclusive, null: open-ended).',
  schema: serviceCentre,
  example: centreExample,
});

/** PRV-3: details of a service centre changed; `changedFields` names them. */
export const providerServiceCentreUpdated = defineEvent({
  ...provider,
  type: 'provider-service-centre.updated',
  version: 1,
  description:
    "A provider's service centre changed (PRV-3); the data is the centre after the change and " +
    '`changedFields` names what changed.',
  schema: serviceCentre.extend({ changedFields: z.array(z.string().min(1)).min(1) }),
  example: { ...centreExample, phone: '+1 555 0199', changedFields: ['phone'] },
});

/** PRV-3: a service centre was closed; it delivers nothing after `to`. */
export const providerServiceCentreClosed = defineEvent({
  ...provider,
  type: 'provider-service-centre.closed',
  version: 1,
  description:
    "A provider's service centre was closed (PRV-3): `to` is its last day of service " +
    '(inclusive); `reason` as given.',
  schema: serviceCentre.extend({ to: calendarDate, reason: z.string().nullable() }),
  example: { ...centreExample, to: '2026-06-30', reason: 'Lease ended' },
});
