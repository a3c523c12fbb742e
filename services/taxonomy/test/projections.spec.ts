import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  providerApproved,
  providerClassified,
  providerClosed,
  providerEnrolled,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceCentreAdded,
  providerServiceCentreClosed,
  providerServiceCentreUpdated,
  providerServiceEnded,
  providerServiceSuspended,
  serviceProductCreated,
  serviceProductUpdated,
} from '@platform/contracts';
import { fact, productFacts } from './support/provider-facts.js';
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';

/**
 * ARCHITECTURE rule 1 (issue 8): the taxonomy service keeps its own copy of the providers
 * service's facts that indexing (TAX-8), search (TAX-9) and the HSDS export use — providers with
 * status and category, provider services, product names and service centres — fed only by their
 * events; a redelivery changes nothing and an older event never overwrites a newer one.
 */
let app: TaxonomyApp;

beforeAll(async () => {
  app = await startTaxonomyApp();
});

afterAll(async () => {
  await app?.close();
});

async function row(sql: string, params: unknown[]) {
  await app.settled();
  const [found] = await app.query<Record<string, unknown>>(sql, params);
  return found;
}

describe('providers (PRV-1, PRV-3)', () => {
  it('PRV-1: a provider keeps its enrolled name through its lifecycle; a redelivery changes nothing', async () => {
    const providerId = randomUUID();
    const enrolled = await app.publish(
      providerEnrolled,
      fact(
        providerId,
        { providerId, name: 'Park Street Outreach Center', fromInquiryId: null },
        '2026-01-01T08:00:00Z',
      ),
    );
    await app.publish(
      providerApproved,
      fact(
        providerId,
        { providerId, previousStatus: 'enrolled', reason: null },
        '2026-01-02T08:00:00Z',
      ),
    );
    await app.publish(
      providerClosed,
      fact(
        providerId,
        { providerId, previousStatus: 'approved', reason: 'Retired' },
        '2026-01-03T08:00:00Z',
      ),
    );
    await app.replay(enrolled);
    expect(
      await row('select name, status from provider where provider_id = $1', [providerId]),
    ).toEqual({
      name: 'Park Street Outreach Center',
      status: 'closed',
    });
  });

  it('PRV-3: the category comes from provider.classified and an older classification never overwrites a newer one', async () => {
    const providerId = randomUUID();
    const classified = (code: string | null, name: string | null, at: string) =>
      fact(
        providerId,
        {
          providerId,
          categoryCode: code,
          categoryName: name,
          typeCode: null,
          typeName: null,
          previousCategoryCode: null,
          previousTypeCode: null,
        },
        at,
      );
    await app.publish(
      providerClassified,
      classified('youth', 'Youth services', '2026-02-02T08:00:00Z'),
    );
    await app.publish(providerClassified, classified('shelter', 'Shelter', '2026-02-01T08:00:00Z'));
    expect(
      await row(
        'select category_code, category_name from provider_classification where provider_id = $1',
        [providerId],
      ),
    ).toEqual({ category_code: 'youth', category_name: 'Youth services' });
  });
});

describe('provider services (PRV-6) and products (SVC-1)', () => {
  it('PRV-6: a provider service follows its snapshot and status events; a redelivery changes nothing', async () => {
    const providerId = randomUUID();
    const ids = { providerId, providerServiceId: randomUUID(), serviceProductId: randomUUID() };
    const snapshot = {
      ...ids,
      status: 'pending' as const,
      from: '2026-01-01',
      to: null,
      rate: null,
      placeLimit: null,
      paymentOptions: null,
    };
    const select = `select status, service_product_id, starts_on::text as from, ends_on::text as to
                      from provider_service where provider_service_id = $1`;
    await app.publish(providerServiceAdded, fact(providerId, { ...snapshot, warnings: [] }));
    const approved = await app.publish(
      providerServiceApproved,
      fact(providerId, {
        ...ids,
        approvalId: randomUUID(),
        approvedOn: '2026-01-02',
        checkedOn: '2026-01-02',
        previousStatus: 'pending' as const,
        warnings: [],
      }),
    );
    expect(await row(select, [ids.providerServiceId])).toMatchObject({
      status: 'approved',
      from: '2026-01-01',
    });
    await app.publish(providerServiceSuspended, fact(providerId, { ...ids, reason: 'Staffing' }));
    expect(await row(select, [ids.providerServiceId])).toMatchObject({ status: 'suspended' });
    await app.publish(
      providerServiceEnded,
      fact(providerId, {
        ...ids,
        previousStatus: 'suspended' as const,
        reason: 'Closed',
        to: '2026-06-30',
      }),
    );
    await app.replay(approved);
    expect(await row(select, [ids.providerServiceId])).toEqual({
      status: 'ended',
      service_product_id: ids.serviceProductId,
      from: '2026-01-01',
      to: '2026-06-30',
    });
  });

  it('SVC-1: a product keeps the name of its latest event', async () => {
    const product = productFacts('Youth mentoring');
    await app.publish(serviceProductCreated, fact(product.productId, product));
    await app.publish(
      serviceProductUpdated,
      fact(product.productId, {
        ...product,
        name: 'Youth mentoring (1:1)',
        changedFields: ['name'],
      }),
    );
    expect(
      await row('select name from service_product where service_product_id = $1', [
        product.productId,
      ]),
    ).toEqual({ name: 'Youth mentoring (1:1)' });
  });
});

describe('service centres (PRV-3): the location text of search', () => {
  it('PRV-3: a centre keeps its address through updates and is marked closed; a redelivery changes nothing', async () => {
    const providerId = randomUUID();
    const centre = {
      providerId,
      serviceCentreId: randomUUID(),
      name: 'Park Street',
      addressLine1: '12 Park Street',
      addressLine2: null,
      city: 'Los Angeles',
      region: 'CA',
      postalCode: '90012',
      phone: null,
      from: '2026-01-01',
      to: null,
    };
    const added = await app.publish(providerServiceCentreAdded, fact(providerId, centre));
    await app.publish(
      providerServiceCentreUpdated,
      fact(providerId, {
        ...centre,
        addressLine1: '14 Park Street',
        changedFields: ['addressLine1'],
      }),
    );
    await app.publish(
      providerServiceCentreClosed,
      fact(providerId, {
        ...centre,
        addressLine1: '14 Park Street',
        to: '2026-06-30',
        reason: 'Lease ended',
      }),
    );
    await app.replay(added);
    expect(
      await row(
        `select address_line1, city, region, postal_code, ends_on::text as to, closed
           from service_centre where service_centre_id = $1`,
        [centre.serviceCentreId],
      ),
    ).toEqual({
      address_line1: '14 Park Street',
      city: 'Los Angeles',
      region: 'CA',
      postal_code: '90012',
      to: '2026-06-30',
      closed: true,
    });
  });
});
