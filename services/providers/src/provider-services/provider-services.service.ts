import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  paymentOptions as paymentOptionsSchema,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceEnded,
  providerServicePaymentOptionsChanged,
  providerServiceRateChanged,
  providerServiceSuspended,
  providerServiceUpdated,
  type Actor,
  type PaymentOptions,
  type ProviderServiceRate,
  type ProviderServiceSnapshot,
} from '@platform/contracts';
import {
  assertMayAccessProvider,
  NotFoundProblem,
  RuleViolation,
  ValidationProblem,
  type Page,
} from '@platform/http';
import { dateRange, rangesOverlap, type CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { ProviderRecord } from '../providers/provider.entity.js';
import { findProvider } from '../providers/provider.lookup.js';
import { RatesService } from '../service-registry/rates/rates.service.js';
import {
  ServiceProduct,
  type ServiceProductRecord,
} from '../service-registry/service-products/service-product.entity.js';
import { findMembersMissingCourses } from '../trainings/training-compliance.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { recordsById } from '../shared/lookup.js';
import { findPage, findPageWithRelated } from '@platform/persistence';
import { throwIfRuleIssues } from '../shared/rule-issues.js';
import { APPROVAL_CRITERION_CHECKS } from './approval-criteria.js';
import { approvalCriteriaWarnings } from './approval-warnings.js';
import {
  ProviderService,
  ProviderServiceApproval,
  type ProviderServiceRecord,
} from './provider-service.entity.js';
import {
  applyProviderServiceAction,
  providerServiceEditable,
  type ProviderServiceAction,
} from './provider-service-lifecycle.js';
import type {
  AddProviderServiceBody,
  EndProviderServiceBody,
  ListProviderServicesQuery,
  RateInput,
  UpdateProviderServiceBody,
} from './provider-service.schemas.js';
import {
  additionRefusal,
  approvalRefusal,
  checkDate,
  effectivePaymentOptions,
  effectiveRateOn,
  placeLimitProblem,
  trainingWarnings,
  type TermsSource,
} from './provider-service-terms.js';
import {
  approvalView,
  period,
  providerServiceSnapshot,
  providerServiceView,
  rateColumns,
  rateOf,
  type ApprovalView,
  type ProviderServiceView,
  type WarnedProviderServiceView,
} from './provider-service.views.js';

const PROVIDER_SERVICE = 'Provider service';

export interface EffectiveRateView {
  providerServiceId: string;
  date: CalendarDate;
  /** Where the rate came from: the provider service's own rate (PRV-6) or the product's (SVC-2). */
  source: TermsSource | null;
  rate: ProviderServiceRate | null;
  /** The product rate applied, when the source is the product. */
  productRateId: string | null;
}

export interface EffectivePaymentOptionsView {
  providerServiceId: string;
  source: TermsSource;
  paymentOptions: PaymentOptions;
  /** PRV-7: the provider's own options, null when the product's apply. */
  override: PaymentOptions | null;
  productPaymentOptions: PaymentOptions;
}

/**
 * PRV-6 / PRV-7: the services a provider offers, chosen from the registry, their approval (with
 * SVC-7 and SVC-10 warnings), rates, place limits and payment options. Every change locks the
 * provider first, which serialises it with the provider's lifecycle (PRV-1) and with the other
 * changes of its services (so the one-at-a-time check below holds).
 */
@Injectable()
export class ProviderServicesService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(RatesService) private readonly rates: RatesService,
  ) {}

  /**
   * PRV-6: adds a service of the registry to the provider for a period, pending approval. PRV-1:
   * refused for a suspended or closed provider. SVC-10: answers (and announces) a warning for each
   * active member who has not completed or been waived from a mandatory course of the product.
   */
  async add(
    providerId: string,
    body: AddProviderServiceBody,
    today: CalendarDate,
    actor: Actor,
    correlationId?: string,
  ): Promise<WarnedProviderServiceView> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await lockProvider(em, providerId);
      const refusal = additionRefusal(provider.status);
      if (refusal) throw new RuleViolation('PRV-1', refusal);
      const product = await em.findOne(ServiceProduct, { id: body.serviceProductId });
      if (!product) {
        throw new ValidationProblem([
          {
            field: 'serviceProductId',
            message: `no service product with id ${body.serviceProductId}`,
          },
        ]);
      }
      refusePlaceLimit(product, body.placeLimit);
      await refuseOverlap(em, providerId, product, { from: body.from, to: body.to });
      const service = em.create(ProviderService, {
        id: randomUUID(),
        providerId,
        serviceProductId: product.id,
        status: 'pending',
        from: body.from,
        to: body.to,
        ...rateColumns(body.rate),
        placeLimit: body.placeLimit,
        paymentOptions: body.paymentOptions,
        statusReason: null,
        ...newAudit(actor),
      });
      const warnings = trainingWarnings(
        await findMembersMissingCourses(em, {
          providerId,
          courseCodes: product.mandatoryCourseCodes,
          onDate: checkDate(today, body.from),
        }),
      );
      recordEvent(em, providerServiceAdded, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...providerServiceSnapshot(service), warnings },
      });
      return { ...providerServiceView(service, product), warnings };
    });
  }

  /** PRV-6: the provider's services, earliest first, by status, product and date (SS-3). */
  async list(
    providerId: string,
    query: ListProviderServicesQuery,
    actor: Actor,
  ): Promise<Page<ProviderServiceView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return findPageWithRelated(
      em,
      ProviderService,
      {
        providerId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.serviceProductId ? { serviceProductId: query.serviceProductId } : {}),
        ...(query.activeOn
          ? {
              from: { $lte: query.activeOn },
              $or: [{ to: null }, { to: { $gte: query.activeOn } }],
            }
          : {}),
      },
      query,
      { from: 'asc', id: 'asc' },
      async (services, snapshot) => {
        const products = await recordsById(
          snapshot,
          ServiceProduct,
          services.map((service) => service.serviceProductId),
        );
        return services.map((service) =>
          providerServiceView(
            service,
            products.get(service.serviceProductId) as ServiceProductRecord,
          ),
        );
      },
    );
  }

  async get(providerId: string, id: string, actor: Actor): Promise<ProviderServiceView> {
    const { em, service } = await this.readable(providerId, id, actor);
    return providerServiceView(service, await productOf(em, service));
  }

  /**
   * PRV-6: changes the period or the place limit. The new period may not share a day with another
   * (not ended) service of the same product at the provider; the place limit stays for products
   * measured in places. Repeating the stored values changes nothing and announces nothing.
   */
  async update(
    providerId: string,
    id: string,
    body: UpdateProviderServiceBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.orm.em.fork().transactional(async (em) => {
      await lockProvider(em, providerId);
      const service = await findEditable(em, providerId, id);
      const product = await productOf(em, service);
      const before = {
        from: service.from,
        to: service.to ?? null,
        placeLimit: service.placeLimit ?? null,
      };
      const after = {
        from: body.from ?? before.from,
        to: body.to === undefined ? before.to : body.to,
        placeLimit: body.placeLimit === undefined ? before.placeLimit : body.placeLimit,
      };
      const changed = (['from', 'to', 'placeLimit'] as const).filter(
        (field) => before[field] !== after[field],
      );
      if (changed.length === 0) return providerServiceView(service, product);
      if (after.to !== null && after.to < after.from) {
        throwIfRuleIssues([
          {
            rule: 'PRV-6',
            field: body.to === undefined ? 'from' : 'to',
            message: `a provider service cannot end (${after.to}) before it starts (${after.from})`,
          },
        ]);
      }
      if (changed.includes('placeLimit')) refusePlaceLimit(product, after.placeLimit);
      if (changed.includes('from') || changed.includes('to')) {
        await refuseOverlap(
          em,
          providerId,
          product,
          { from: after.from as CalendarDate, to: after.to as CalendarDate | null },
          service.id,
        );
      }
      service.from = after.from;
      service.to = after.to;
      service.placeLimit = after.placeLimit;
      markUpdated(service, actor);
      recordEvent(em, providerServiceUpdated, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...providerServiceSnapshot(service), changedFields: changed },
      });
      return providerServiceView(service, product);
    });
  }

  /** PRV-6: sets (or, with null, removes) the rate overriding the product's rate. */
  async setRate(
    providerId: string,
    id: string,
    rate: RateInput | null,
    actor: Actor,
    correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.orm.em.fork().transactional(async (em) => {
      await lockProvider(em, providerId);
      const service = await findEditable(em, providerId, id);
      const product = await productOf(em, service);
      const previousRate = rateOf(service);
      Object.assign(service, rateColumns(rate));
      const newRate = rateOf(service);
      if (isDeepStrictEqual(previousRate, newRate)) return providerServiceView(service, product);
      markUpdated(service, actor);
      recordEvent(em, providerServiceRateChanged, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...ids(service), rate: newRate, previousRate },
      });
      return providerServiceView(service, product);
    });
  }

  /**
   * PRV-6: the rate of the provider service on a date — its own rate if it has one, else the
   * product's rate active that day (SVC-2, looked up by the rates module) — and where it came from.
   */
  async rateOn(
    providerId: string,
    id: string,
    date: CalendarDate,
    actor: Actor,
  ): Promise<EffectiveRateView> {
    const { service } = await this.readable(providerId, id, actor);
    const own = rateOf(service);
    const productRate = own
      ? null
      : (await this.rates.inEffect(service.serviceProductId, date)).rate;
    const effective = effectiveRateOn(
      { ...period(service), rate: own },
      productRate ? wireRate(productRate) : null,
      date,
    );
    if (!effective.ok) throw new RuleViolation('PRV-6', effective.message, 422);
    return {
      providerServiceId: service.id,
      date,
      source: effective.source,
      rate: effective.rate,
      productRateId: effective.source === 'service-product' && productRate ? productRate.id : null,
    };
  }

  /** PRV-7: sets (or, with null, removes) the provider's payment options for the service. */
  async setPaymentOptions(
    providerId: string,
    id: string,
    options: PaymentOptions | null,
    actor: Actor,
    correlationId?: string,
  ): Promise<EffectivePaymentOptionsView> {
    return this.orm.em.fork().transactional(async (em) => {
      await lockProvider(em, providerId);
      const service = await findEditable(em, providerId, id);
      const product = await productOf(em, service);
      const previous = storedOptions(service);
      if (!isDeepStrictEqual(previous, options)) {
        service.paymentOptions = options;
        markUpdated(service, actor);
        recordEvent(em, providerServicePaymentOptionsChanged, {
          aggregateId: providerId,
          ...eventOrigin(actor, correlationId),
          data: { ...ids(service), paymentOptions: options, previousPaymentOptions: previous },
        });
      }
      return optionsView(service, product);
    });
  }

  /** PRV-7: the payment options that decide for this provider service: its own, else the product's. */
  async paymentOptions(
    providerId: string,
    id: string,
    actor: Actor,
  ): Promise<EffectivePaymentOptionsView> {
    const { em, service } = await this.readable(providerId, id, actor);
    return optionsView(service, await productOf(em, service));
  }

  /**
   * PRV-6: approves a pending (or suspended) provider service. PRV-1: only an approved provider's
   * services are approved. SVC-7 / SVC-10: the product's approval criteria and mandatory courses
   * are checked; what is unmet is answered, announced and recorded with the approval as warnings —
   * the approval proceeds.
   */
  async approve(
    providerId: string,
    id: string,
    today: CalendarDate,
    actor: Actor,
    correlationId?: string,
  ): Promise<WarnedProviderServiceView & { approvalId: string }> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await lockProvider(em, providerId);
      const service = await findProviderService(em, providerId, id);
      const move = move_(service, 'approve');
      const refusal = approvalRefusal(provider.status);
      if (refusal) throw new RuleViolation('PRV-1', refusal);
      const product = await productOf(em, service);
      const checkedOn = checkDate(today, service.from as CalendarDate);
      const warnings = [
        ...(await approvalCriteriaWarnings(
          em,
          {
            providerId,
            providerServiceId: service.id,
            serviceProductId: product.id,
            onDate: checkedOn,
          },
          product.approvalCriteria,
          APPROVAL_CRITERION_CHECKS,
        )),
        ...trainingWarnings(
          await findMembersMissingCourses(em, {
            providerId,
            courseCodes: product.mandatoryCourseCodes,
            onDate: checkedOn,
          }),
        ),
      ];
      service.status = move.to;
      service.statusReason = null;
      markUpdated(service, actor);
      const approval = em.create(ProviderServiceApproval, {
        id: randomUUID(),
        providerServiceId: service.id,
        providerId,
        approvedOn: today,
        checkedOn,
        warnings,
        ...newAudit(actor),
      });
      recordEvent(em, providerServiceApproved, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...ids(service),
          approvalId: approval.id,
          approvedOn: today,
          checkedOn,
          previousStatus: move.from as 'pending' | 'suspended',
          warnings,
        },
      });
      return { ...providerServiceView(service, product), warnings, approvalId: approval.id };
    });
  }

  /** PRV-6: suspends an approved provider service, with a reason. */
  async suspend(
    providerId: string,
    id: string,
    reason: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.orm.em.fork().transactional(async (em) => {
      await lockProvider(em, providerId);
      const service = await findProviderService(em, providerId, id);
      const move = move_(service, 'suspend', reason);
      service.status = move.to;
      service.statusReason = reason;
      markUpdated(service, actor);
      recordEvent(em, providerServiceSuspended, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: { ...ids(service), reason },
      });
      return providerServiceView(service, await productOf(em, service));
    });
  }

  /** PRV-6: ends a provider service for good, with a reason and optionally its last day. */
  async end(
    providerId: string,
    id: string,
    body: EndProviderServiceBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.orm.em.fork().transactional(async (em) => {
      await lockProvider(em, providerId);
      const service = await findProviderService(em, providerId, id);
      const move = move_(service, 'end', body.reason);
      if (body.to !== undefined && body.to < service.from) {
        throwIfRuleIssues([
          {
            rule: 'PRV-6',
            field: 'to',
            message: `the provider service starts on ${service.from} and cannot end before it starts`,
          },
        ]);
      }
      if (body.to !== undefined) service.to = body.to;
      service.status = move.to;
      service.statusReason = body.reason;
      markUpdated(service, actor);
      recordEvent(em, providerServiceEnded, {
        aggregateId: providerId,
        ...eventOrigin(actor, correlationId),
        data: {
          ...ids(service),
          previousStatus: move.from as 'pending' | 'approved' | 'suspended',
          reason: body.reason,
          to: service.to ?? null,
        },
      });
      return providerServiceView(service, await productOf(em, service));
    });
  }

  /** PRV-6 / SVC-7: the approvals of a provider service with the warnings shown, latest first. */
  async approvals(
    providerId: string,
    id: string,
    query: { limit: number; offset: number },
    actor: Actor,
  ): Promise<Page<ApprovalView>> {
    const { em } = await this.readable(providerId, id, actor);
    return findPage(
      em,
      ProviderServiceApproval,
      { providerServiceId: id },
      query,
      { createdAt: 'desc', id: 'asc' },
      approvalView,
    );
  }

  /** The provider's service, to read: 404 for an unknown one or another provider's (ROLE-2). */
  private async readable(
    providerId: string,
    id: string,
    actor: Actor,
  ): Promise<{ em: EntityManager; service: ProviderServiceRecord }> {
    assertMayAccessProvider(actor, providerId, PROVIDER_SERVICE, id);
    const em = this.orm.em.fork();
    await findProvider(em, providerId);
    return { em, service: await findProviderService(em, providerId, id) };
  }
}

/** The provider, locked: its services' periods and approvals are checked against each other. */
function lockProvider(em: EntityManager, providerId: string): Promise<ProviderRecord> {
  return findProvider(em, providerId, { forUpdate: true });
}

async function findProviderService(
  em: EntityManager,
  providerId: string,
  id: string,
): Promise<ProviderServiceRecord> {
  const service = await em.findOne(ProviderService, { id, providerId });
  if (!service) throw new NotFoundProblem(PROVIDER_SERVICE, id);
  return service;
}

/** PRV-6: an ended provider service is history; its terms no longer change. */
async function findEditable(
  em: EntityManager,
  providerId: string,
  id: string,
): Promise<ProviderServiceRecord> {
  const service = await findProviderService(em, providerId, id);
  if (!providerServiceEditable(service.status)) {
    throw new RuleViolation(
      'PRV-6',
      `Provider service ${id} has ended; its terms can no longer change (add the service again instead)`,
    );
  }
  return service;
}

async function productOf(
  em: EntityManager,
  service: ProviderServiceRecord,
): Promise<ServiceProductRecord> {
  const product = await em.findOne(ServiceProduct, { id: service.serviceProductId });
  // The foreign key keeps the product; a missing one would be a bug, not a bad request.
  if (!product) throw new Error(`service product ${service.serviceProductId} is gone`);
  return product;
}

function move_(service: ProviderServiceRecord, action: ProviderServiceAction, reason?: string) {
  const result = applyProviderServiceAction(service.status, action, reason);
  if (!result.ok) {
    if (result.field === 'reason') {
      throw new ValidationProblem([{ field: 'reason', message: `PRV-6: ${result.message}` }]);
    }
    throw new RuleViolation('PRV-6', result.message);
  }
  return result;
}

/** PRV-6: a place limit only for products measured in places. */
function refusePlaceLimit(product: ServiceProductRecord, placeLimit: number | null): void {
  const problem = placeLimitProblem(product.unitOfMeasure, placeLimit);
  if (problem) throw new RuleViolation('PRV-6', problem, 422);
}

/**
 * PRV-6: a provider offers a product at most once at any date, so a new or changed period must not
 * share a day with another service of the same product at the provider that has not ended.
 */
async function refuseOverlap(
  em: EntityManager,
  providerId: string,
  product: ServiceProductRecord,
  candidate: { from: CalendarDate; to: CalendarDate | null },
  ignoreId?: string,
): Promise<void> {
  const others = await em.find(ProviderService, {
    providerId,
    serviceProductId: product.id,
    status: { $ne: 'ended' },
    ...(ignoreId ? { id: { $ne: ignoreId } } : {}),
  });
  const wanted = dateRange(candidate.from, candidate.to);
  const clash = others.find((other) => {
    const { from, to } = period(other);
    return rangesOverlap(wanted, dateRange(from, to));
  });
  if (!clash) return;
  throw new RuleViolation(
    'PRV-6',
    `The provider already offers ${product.name} from ${clash.from}` +
      `${clash.to ? ` to ${clash.to}` : ' (open-ended)'} (provider service ${clash.id}, ` +
      `${clash.status}); a provider offers a service at most once at any date`,
  );
}

function ids(service: ProviderServiceRecord) {
  return {
    providerId: service.providerId,
    providerServiceId: service.id,
    serviceProductId: service.serviceProductId,
  } satisfies Partial<ProviderServiceSnapshot>;
}

function storedOptions(service: ProviderServiceRecord): PaymentOptions | null {
  return service.paymentOptions ? paymentOptionsSchema.parse(service.paymentOptions) : null;
}

function optionsView(
  service: ProviderServiceRecord,
  product: ServiceProductRecord,
): EffectivePaymentOptionsView {
  const override = storedOptions(service);
  const productPaymentOptions = paymentOptionsSchema.parse(product.paymentOptions);
  return {
    providerServiceId: service.id,
    ...effectivePaymentOptions(override, productPaymentOptions),
    override,
    productPaymentOptions,
  };
}

/** A product rate (SVC-2) in the shape a provider-service rate travels in. */
function wireRate(rate: {
  kind: 'fixed' | 'range';
  amount?: string;
  minimum?: string | null;
  maximum?: string | null;
}): ProviderServiceRate {
  return rate.kind === 'fixed'
    ? { kind: 'fixed', amount: rate.amount as string }
    : { kind: 'range', minimum: rate.minimum ?? null, maximum: rate.maximum ?? null };
}
