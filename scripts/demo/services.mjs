// PRV-6, PRV-7, SVC-7, SVC-10: the services each provider offers from the registry, with place
// limits, provider-service rates and payment options overriding the product's, and their approval
// once the credentials are on record — with the warnings an approval shows when they are not.
import { monthStart } from './http.mjs';

const PROVIDER_SERVICES = {
  hilltopFoster: {
    label: 'Hilltop foster care',
    provider: 'hilltop',
    product: 'fosterCare',
    from: monthStart(-10),
    placeLimit: 3,
  },
  mapleFoster: {
    label: 'Maple Street foster care',
    provider: 'maple',
    product: 'fosterCare',
    from: monthStart(-1),
    placeLimit: 2,
  },
  sunriseDayCare: {
    label: 'Sunrise day care',
    provider: 'sunrise',
    product: 'dayCare',
    from: monthStart(-22),
    // a negotiated rate above the product's
    rate: { kind: 'fixed', amount: '40.00' },
  },
  lakeCountyDetention: {
    label: 'Lake County secure detention',
    provider: 'lakeCounty',
    product: 'detention',
    from: monthStart(-8),
    placeLimit: 60,
    paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
  },
  riversideTherapy: {
    label: 'Riverside family therapy',
    provider: 'riverside',
    product: 'therapy',
    from: monthStart(-12),
    rate: { kind: 'range', minimum: '90.00', maximum: '140.00' },
    paymentOptions: { fixed: 'pay-billed', minimum: 'pay-minimum', maximum: 'pay-nothing' },
  },
};

/**
 * Adds the provider services (pending approval); the rate and payment options are set through
 * their own endpoints, as a resource manager changes them later. Answers `{ key: { providerId,
 * id } }`.
 */
export async function addProviderServices(manager, providers, products, progress) {
  const services = {};
  let overrides = 0;
  for (const [key, service] of Object.entries(PROVIDER_SERVICES)) {
    const providerId = providers[service.provider];
    const base = `/providers/${providerId}/services`;
    const { id } = await manager.post(base, {
      serviceProductId: products[service.product],
      from: service.from,
      placeLimit: service.placeLimit ?? null,
    });
    if (service.rate) {
      await manager.put(`${base}/${id}/rate`, service.rate);
      overrides += 1;
    }
    if (service.paymentOptions) {
      await manager.put(`${base}/${id}/payment-options`, service.paymentOptions);
      overrides += 1;
    }
    services[key] = { providerId, id, label: service.label };
  }
  progress(
    `demo data: ${Object.keys(services).length} provider services added, ` +
      `${overrides} rate or payment-option overrides`,
  );
  return services;
}

/** Approves every provider service; SVC-7 / SVC-10 warnings are shown, never enforced. */
export async function approveProviderServices(manager, services, progress) {
  const warned = [];
  for (const { providerId, id, label } of Object.values(services)) {
    const { warnings } = await manager.post(`/providers/${providerId}/services/${id}/approve`);
    if (warnings.length === 0) continue;
    const kinds = warnings.map((warning) => warning.criterion ?? warning.rule);
    warned.push(`${label} with ${warnings.length} warnings (${kinds.join(', ')})`);
  }
  progress(
    `demo data: ${Object.keys(services).length} provider services approved, ` +
      `${warned.length === 0 ? 'none with warnings' : warned.join('; ')}`,
  );
}

/**
 * SVC-8: approval checks beyond the product's own percentage — a new provider's deliveries are
 * all checked by hand for now, and one case worker's day-care deliveries are sampled more often.
 */
export async function setApprovalChecks(admin, manager, providers, products, progress) {
  await manager.put('/approval-checks', {
    scope: 'provider',
    scopeId: providers.maple,
    percentage: 100,
  });
  await admin.put('/approval-checks', {
    scope: 'user',
    scopeId: 'cw.chen',
    serviceProductId: products.dayCare,
    percentage: 40,
  });
  await admin.put('/approval-checks', {
    scope: 'organisation-unit',
    scopeId: 'north-district',
    percentage: 15,
  });
  progress(
    'demo data: 3 approval checks (Maple Street 100 %, cw.chen day care 40 %, north district 15 %)',
  );
}
