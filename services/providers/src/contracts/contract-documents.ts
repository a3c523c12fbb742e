import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, ContractDocumentIssued } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { ProviderService } from '../provider-services/provider-service.entity.js';
import { Provider, type ProviderRecord } from '../providers/provider.entity.js';
import { ServiceProduct } from '../service-registry/service-products/service-product.entity.js';
import { LicenceType } from '../licences/licence.entities.js';
import { formatMoney } from '../shared/money.js';
import { calendarDayOf } from '../shared/today.js';
import { recordsById } from '../shared/lookup.js';
import { renderContractDocument } from './contract-document.js';
import type { ContractTerms } from './contract-terms.js';
import { loadContractTermsState } from './contract-terms-state.js';
import { ContractDocument, ContractSignature, type ContractRecord } from './contract.entities.js';

export interface DocumentContext {
  agencyName: string;
  issuedOn: CalendarDate;
  /** CTR-3: why a re-issue replaces the current document; null on the first issue. */
  reissueReason: string | null;
}

/** A provider's postal address on one line, as the document states it. */
export function addressLine(provider: ProviderRecord): string {
  const parts = [
    provider.addressLine1,
    provider.addressLine2,
    provider.city,
    provider.region,
    provider.postalCode,
  ].filter((part): part is string => Boolean(part?.trim()));
  return parts.length > 0 ? parts.join(', ') : 'No address on record';
}

/**
 * CTR-2 / CTR-4: the terms of a contract version as its document states them — the provider's
 * name and address, each covered service by its product name and unit (a bound provider's
 * service also names that provider), the fee or unit rates, licence types by name.
 */
export async function loadContractTerms(
  em: EntityManager,
  contract: ContractRecord,
  context: DocumentContext,
): Promise<ContractTerms> {
  const state = await loadContractTermsState(em, contract);
  const services = await recordsById(em, ProviderService, state.coveredProviderServiceIds);
  const products = await recordsById(
    em,
    ServiceProduct,
    [...services.values()].map((service) => service.serviceProductId),
  );
  const providers = await recordsById(em, Provider, [
    state.providerId,
    ...[...services.values()].map((service) => service.providerId),
  ]);
  const provider = providers.get(state.providerId) as ProviderRecord;
  const describe = (providerServiceId: string) => {
    const service = services.get(providerServiceId);
    const product = service ? products.get(service.serviceProductId) : undefined;
    const deliveredBy =
      service && service.providerId !== state.providerId
        ? ` (${providers.get(service.providerId)?.name ?? service.providerId})`
        : '';
    return {
      name: `${product?.name ?? providerServiceId}${deliveredBy}`,
      unit: product?.unitOfMeasure ?? 'unit',
    };
  };
  const licenceTypes =
    state.requiredLicenceTypeCodes.length === 0
      ? []
      : await em.find(
          LicenceType,
          { code: { $in: state.requiredLicenceTypeCodes } },
          { orderBy: { name: 'asc' } },
        );
  return {
    contractNumber: contract.contractNumber,
    version: contract.version,
    type: state.type,
    agencyName: context.agencyName,
    provider: { name: provider.name, address: addressLine(provider) },
    period: state.period,
    coveredServices: state.coveredProviderServiceIds
      .map(describe)
      .sort((a, b) => a.name.localeCompare(b.name)),
    fixedFee: state.fixedFee && {
      kind: state.fixedFee.kind,
      amount: formatMoney(state.fixedFee.amount),
      frequency: state.fixedFee.frequency,
    },
    unitRates: state.unitRates
      .map((rate) => {
        const service = describe(rate.providerServiceId);
        return {
          serviceName: service.name,
          from: rate.from,
          to: rate.to,
          rate: formatMoney(rate.rate),
          unit: service.unit,
        };
      })
      .sort((a, b) => a.serviceName.localeCompare(b.serviceName) || a.from.localeCompare(b.from)),
    placeLimit: state.placeLimit,
    performanceMeasures: state.performanceMeasures,
    requiredLicenceTypes: licenceTypes.map((type) => type.name),
    issuedOn: context.issuedOn,
    reissueReason: context.reissueReason,
  };
}

export interface IssueDocumentOptions {
  actor: Actor;
  agencyName: string;
  /** CTR-3: the reason of a re-issue (stated in the new document); null on the first issue. */
  reason: string | null;
  at: Date;
}

/** The document issued, and the one it replaced (void now), if any. */
export type IssuedContractDocument = ContractDocumentIssued & { voidedDocumentId: string | null };

/**
 * CTR-3 / CTR-4: renders the contract's document from its stored terms and makes it the current
 * one inside the caller's transaction: voids the current document and any signature on it (the
 * provider must sign what it is sent now), stores the new PDF with its SHA-256 as issue number
 * `++contract.issueCount`. Used by the issue command and the re-issue step of WF-3; the caller
 * moves the status, records history and events.
 */
export async function issueDocument(
  em: EntityManager,
  contract: ContractRecord,
  options: IssueDocumentOptions,
): Promise<IssuedContractDocument> {
  const terms = await loadContractTerms(em, contract, {
    agencyName: options.agencyName,
    issuedOn: calendarDayOf(options.at),
    reissueReason: options.reason,
  });
  const rendered = await renderContractDocument(terms);
  const current = await em.findOne(
    ContractDocument,
    { contractId: contract.id, voidedAt: null },
    { fields: ['id'] },
  );
  if (current) {
    // Natively, now: the partial unique index allows one current document per contract.
    await em.nativeUpdate(
      ContractDocument,
      { id: current.id },
      { voidedAt: options.at, voidReason: options.reason ?? 'Replaced by a new issue' },
    );
    await em.nativeUpdate(
      ContractSignature,
      { documentId: current.id, voidedAt: null },
      { voidedAt: options.at },
    );
  }
  contract.issueCount += 1;
  const document = em.create(ContractDocument, {
    id: randomUUID(),
    contractId: contract.id,
    issueNumber: contract.issueCount,
    content: Buffer.from(rendered.pdf),
    sha256: rendered.sha256,
    byteSize: rendered.pdf.byteLength,
    issuedBy: options.actor.userId,
    issuedAt: options.at,
    reissueReason: options.reason,
    voidedAt: null,
    voidReason: null,
  });
  return {
    documentId: document.id,
    sha256: document.sha256,
    issueNumber: document.issueNumber,
    issuedAt: options.at.toISOString(),
    voidedDocumentId: current?.id ?? null,
  };
}

/** CTR-3: voids the contract's current document (and any signature on it), e.g. on cancel. */
export async function voidCurrentDocument(
  em: EntityManager,
  contractId: string,
  at: Date,
  reason: string,
): Promise<string | null> {
  const current = await em.findOne(
    ContractDocument,
    { contractId, voidedAt: null },
    { fields: ['id'] },
  );
  if (!current) return null;
  await em.nativeUpdate(ContractDocument, { id: current.id }, { voidedAt: at, voidReason: reason });
  await em.nativeUpdate(
    ContractSignature,
    { documentId: current.id, voidedAt: null },
    { voidedAt: at },
  );
  return current.id;
}
