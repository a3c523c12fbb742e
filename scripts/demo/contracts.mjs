// CTR-1…CTR-7, SS-5, WF-3: contracts in each state the publish–sign–activate process shows —
// Sunrise Day Care's fixed-fee contract signed by its self-service user and activated (finance's
// fixed-fee schedule is on Kafka), Lake County's utilization contract with a mid-term rate change
// issued and awaiting the provider's signature (the Temporal UI shows since when), and a draft for
// Hilltop still being edited.
import { monthStart } from './http.mjs';

/** The day before the first day of the month `n` months from this one. */
const monthEnd = (n) => {
  const first = new Date(`${monthStart(n + 1)}T00:00:00Z`);
  return new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
};

const CONTRACTS = {
  sunrise: {
    title: 'Day care places',
    provider: 'sunrise',
    type: 'fixed-fee',
    period: { from: monthStart(0), to: monthEnd(11) },
    services: ['sunriseDayCare'],
    fixedFee: { kind: 'total', amount: '24000.00', frequency: 'monthly' },
    placeLimit: 24,
    performanceMeasures: [
      { name: 'Attendance reported by the 5th of the month', target: '95% of months' },
      { name: 'Parent satisfaction survey', target: 'at least 4 of 5' },
    ],
    requiredLicenceTypeCodes: ['CHILD-CARE'],
    outcome: 'active',
  },
  lakeCounty: {
    title: 'Secure detention beds',
    provider: 'lakeCounty',
    type: 'utilization',
    period: { from: monthStart(1), to: monthEnd(12) },
    services: ['lakeCountyDetention'],
    // CTR-5: the rate per bed-day rises half-way through the term
    unitRates: [
      { service: 'lakeCountyDetention', from: monthStart(1), to: monthEnd(6), rate: '310.00' },
      { service: 'lakeCountyDetention', from: monthStart(7), to: monthEnd(12), rate: '325.00' },
    ],
    placeLimit: 40,
    performanceMeasures: [{ name: 'Incidents reported within 24 hours', target: '100%' }],
    requiredLicenceTypeCodes: ['SECURE-CARE'],
    outcome: 'issued',
  },
  hilltop: {
    title: 'Foster care placements',
    provider: 'hilltop',
    type: 'fixed-fee',
    period: { from: monthStart(2), to: monthEnd(13) },
    services: ['hilltopFoster'],
    fixedFee: { kind: 'periodic', amount: '1500.00', frequency: 'monthly' },
    placeLimit: 3,
    performanceMeasures: [{ name: 'Placement stability', target: '90% over 6 months' }],
    requiredLicenceTypeCodes: ['FOSTER-CARE'],
    outcome: 'editing',
  },
};

function body(contract, providers, services) {
  return {
    title: contract.title,
    providerId: providers[contract.provider],
    type: contract.type,
    period: contract.period,
    coveredProviderServiceIds: contract.services.map((key) => services[key].id),
    ...(contract.fixedFee ? { fixedFee: contract.fixedFee } : {}),
    unitRates: (contract.unitRates ?? []).map(({ service, ...rate }) => ({
      providerServiceId: services[service].id,
      ...rate,
    })),
    placeLimit: contract.placeLimit,
    performanceMeasures: contract.performanceMeasures,
    requiredLicenceTypeCodes: contract.requiredLicenceTypeCodes,
  };
}

/**
 * Creates the contracts as a resource manager, issues two, and has Sunrise's self-service user
 * sign its contract — after reading the document's SHA-256 from its own view, as the portal does —
 * before the resource manager activates it.
 */
export async function loadContracts(users, ctx, progress) {
  const { manager, provider } = users;
  const counts = { active: 0, issued: 0, editing: 0 };
  for (const contract of Object.values(CONTRACTS)) {
    const { id } = await manager.post('/contracts', body(contract, ctx.providers, ctx.services));
    counts[contract.outcome] += 1;
    if (contract.outcome === 'editing') continue;
    await manager.post(`/contracts/${id}/issue`);
    if (contract.outcome === 'issued') continue;
    const mine = await provider.get(`/self-service/contracts/${id}`);
    await provider.post(`/self-service/contracts/${id}/signature`, {
      documentSha256: mine.document.sha256,
      typedName: 'Dana Whitfield',
      consent: true,
    });
    await manager.post(`/contracts/${id}/activate`);
  }
  progress(
    `demo data: contracts — ${counts.active} signed and active (fixed fee), ${counts.issued} ` +
      `issued awaiting signature (utilization, new rate from ${monthStart(7)}), ` +
      `${counts.editing} draft`,
  );
}
