import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { issueDocument } from '../../src/contracts/contract-documents.js';
import type { FixedFee } from '../../src/contracts/contract-rules.js';
import { writeContractTerms } from '../../src/contracts/contract-terms-state.js';
import { Contract, type ContractRecord } from '../../src/contracts/contract.entities.js';
import { Licence, LicenceType } from '../../src/licences/licence.entities.js';
import { ProviderService } from '../../src/provider-services/provider-service.entity.js';
import { Provider } from '../../src/providers/provider.entity.js';
import { createServiceProductBody } from '../../src/service-registry/service-products/service-product.schemas.js';
import { ServiceProductsService } from '../../src/service-registry/service-products/service-products.service.js';
import { parseMoney } from '../../src/shared/money.js';

/**
 * Contract records written straight to a providers database (unlike `contract-fixtures.ts`, which
 * goes through the API and so starts each issued contract's process): for suites that call WF-3's
 * steps directly, and for HTTP suites that need an issued contract with no process running. A
 * provider with an approved service and an approved licence, and a contract issued to it (terms
 * stored, its first document rendered). States the API does not reach in one call (a service
 * suspended after issue, a licence past its period) are set on the rows by the suites.
 */

const ISSUER: Actor = { userId: 'rm.rivera', roles: ['resource-manager'] };
const audit = { createdBy: 'test', updatedBy: 'test' };
const suffix = () => randomUUID().slice(0, 8);

/** One registry product and one licence type, shared by a suite's contracts. */
export interface ContractWorld {
  productId: string;
  licenceTypeId: string;
  licenceTypeCode: string;
}

export async function createContractWorld(orm: MikroORM): Promise<ContractWorld> {
  const admin: Actor = { userId: 'admin.ada', roles: ['administrator'] };
  const product = await new ServiceProductsService(orm).create(
    createServiceProductBody.parse({
      name: `Respite care ${suffix()}`,
      unitOfMeasure: 'day',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      delivery: { type: 'service-delivery' },
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    }),
    admin,
  );
  const em = orm.em.fork();
  const code = `FOSTER-${suffix().toUpperCase()}`;
  const type = em.create(LicenceType, {
    id: randomUUID(),
    code,
    name: 'Foster care licence',
    mandatoryCourseCodes: [],
    defaultValidityMonths: 12,
    ...audit,
  });
  await em.flush();
  return { productId: product.id, licenceTypeId: type.id, licenceTypeCode: code };
}

export interface ContractParty {
  providerId: string;
  serviceId: string;
  licenceId: string;
}

/**
 * An approved provider with an approved service and an approved licence for 2026; with
 * `providerId`, that existing provider (e.g. the demo provider of the self-service user).
 */
export async function partyWithLicence(
  orm: MikroORM,
  world: ContractWorld,
  { providerId }: { providerId?: string } = {},
): Promise<ContractParty> {
  const em = orm.em.fork();
  const provider =
    providerId !== undefined
      ? await em.findOneOrFail(Provider, { id: providerId })
      : em.create(Provider, {
          id: randomUUID(),
          name: `Hilltop ${suffix()}`,
          status: 'approved',
          enrolledBy: 'test',
        });
  await em.flush();
  const service = em.create(ProviderService, {
    id: randomUUID(),
    providerId: provider.id,
    serviceProductId: world.productId,
    status: 'approved',
    from: '2026-01-01',
    ...audit,
  });
  const licence = em.create(Licence, {
    id: randomUUID(),
    providerId: provider.id,
    licenceTypeId: world.licenceTypeId,
    number: `L-${suffix()}`,
    issuingAuthority: 'State licensing office',
    status: 'approved',
    validFrom: '2026-01-01',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    trainingWarnings: [],
    ...audit,
  });
  await em.flush();
  return { providerId: provider.id, serviceId: service.id, licenceId: licence.id };
}

export interface IssuedContractOptions {
  fixedFee?: FixedFee | null;
  period?: { from: CalendarDate; to: CalendarDate };
  /** CTR-5: the active version this one amends (same number, next version). */
  amends?: ContractRecord;
  /** Leave it in editing: terms stored, never issued (a draft). */
  draft?: boolean;
}

/**
 * A fixed-fee contract (2,400.00 a year, monthly, 2026; a valid licence of the world's type
 * required) issued to the party with its first document, unless a draft. No process is started.
 */
export async function issuedContractRecord(
  orm: MikroORM,
  world: ContractWorld,
  party: ContractParty,
  options: IssuedContractOptions = {},
): Promise<ContractRecord> {
  const period = options.period ?? {
    from: '2026-01-01' as CalendarDate,
    to: '2026-12-31' as CalendarDate,
  };
  const fixedFee =
    options.fixedFee === undefined
      ? { kind: 'total' as const, amount: parseMoney('2400'), frequency: 'monthly' as const }
      : options.fixedFee;
  return orm.em.fork().transactional(async (em) => {
    const contract = em.create(Contract, {
      id: randomUUID(),
      contractNumber: options.amends?.contractNumber ?? `C-TEST-${suffix()}`,
      version: (options.amends?.version ?? 0) + 1,
      title: 'Respite care 2026',
      providerId: party.providerId,
      providerGroupId: null,
      type: fixedFee ? 'fixed-fee' : 'utilization',
      status: options.draft ? 'editing' : 'issued',
      periodFrom: period.from,
      periodTo: period.to,
      amendsContractId: options.amends?.id ?? null,
      ...audit,
    });
    await writeContractTerms(
      em,
      contract,
      {
        title: contract.title,
        providerId: party.providerId,
        providerGroupId: null,
        type: contract.type,
        period,
        coveredProviderServiceIds: [party.serviceId],
        boundProviderIds: [],
        fixedFee,
        unitRates: [],
        placeLimit: 8,
        performanceMeasures: [{ name: 'Placement stability', target: '90%' }],
        requiredLicenceTypeCodes: [world.licenceTypeCode],
      },
      [world.licenceTypeId],
    );
    if (options.draft) return contract;
    await issueDocument(em, contract, {
      actor: ISSUER,
      agencyName: 'Test County',
      reason: null,
      at: new Date('2026-03-01T09:00:00Z'),
    });
    return contract;
  });
}
