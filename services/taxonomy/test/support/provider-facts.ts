import { randomUUID } from 'node:crypto';
import {
  providerApproved,
  providerClassified,
  providerEnrolled,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceCentreAdded,
  serviceProductCreated,
  type Actor,
  type EventData,
} from '@platform/contracts';
import type { TaxonomyApp } from './taxonomy-app.js';

/** Who the providers service names on the events these suites publish. */
export const PROVIDERS_ACTOR: Actor = { userId: 'rm.rivera', roles: ['resource-manager'] };

/** What the providers service would have published, as `publish` input. */
export function fact<T>(aggregateId: string, data: T, occurredAt?: string) {
  return {
    aggregateId,
    data,
    actor: PROVIDERS_ACTOR,
    ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}),
  };
}

type Product = EventData<typeof serviceProductCreated>;

/** SVC-1: a product as `service-product.created` carries it (the taxonomy keeps its name). */
export function productFacts(name: string, productId = randomUUID()): Product {
  return { ...serviceProductCreated.example, productId, name };
}

export interface DirectoryService {
  providerId: string;
  providerServiceId: string;
  productId: string;
}

export interface DirectoryServiceOptions {
  providerName: string;
  productName: string;
  category?: { code: string; name: string };
  centre?: { addressLine1: string; city: string; region: string | null; postalCode: string };
  /** Default true: the provider service is approved (PRV-6), as search requires. */
  approved?: boolean;
}

/**
 * A provider service the taxonomy service knows from the providers service's events: an approved
 * provider (PRV-1), optionally classified (PRV-3) with a service centre, its product (SVC-1) and
 * the provider service (PRV-6), approved unless told otherwise. Waits until all were taken.
 */
export async function directoryService(
  app: TaxonomyApp,
  options: DirectoryServiceOptions,
): Promise<DirectoryService> {
  const providerId = randomUUID();
  const providerServiceId = randomUUID();
  const product = productFacts(options.productName);
  await app.publish(serviceProductCreated, fact(product.productId, product));
  await app.publish(
    providerEnrolled,
    fact(providerId, { providerId, name: options.providerName, fromInquiryId: null }),
  );
  await app.publish(
    providerApproved,
    fact(providerId, { providerId, previousStatus: 'enrolled', reason: null }),
  );
  if (options.category) {
    await app.publish(
      providerClassified,
      fact(providerId, {
        providerId,
        categoryCode: options.category.code,
        categoryName: options.category.name,
        typeCode: null,
        typeName: null,
        previousCategoryCode: null,
        previousTypeCode: null,
      }),
    );
  }
  if (options.centre) {
    await app.publish(
      providerServiceCentreAdded,
      fact(providerId, {
        providerId,
        serviceCentreId: randomUUID(),
        name: `${options.providerName} centre`,
        addressLine1: options.centre.addressLine1,
        addressLine2: null,
        city: options.centre.city,
        region: options.centre.region,
        postalCode: options.centre.postalCode,
        phone: null,
        from: '2026-01-01',
        to: null,
      }),
    );
  }
  const ids = { providerId, providerServiceId, serviceProductId: product.productId };
  await app.publish(
    providerServiceAdded,
    fact(providerId, {
      ...ids,
      status: 'pending',
      from: '2026-01-01',
      to: null,
      rate: null,
      placeLimit: null,
      paymentOptions: null,
      warnings: [],
    }),
  );
  if (options.approved ?? true) {
    await app.publish(
      providerServiceApproved,
      fact(providerId, {
        ...ids,
        approvalId: randomUUID(),
        approvedOn: '2026-01-01',
        checkedOn: '2026-01-01',
        previousStatus: 'pending' as const,
        warnings: [],
      }),
    );
  }
  await app.settled();
  return { providerId, providerServiceId, productId: product.productId };
}
