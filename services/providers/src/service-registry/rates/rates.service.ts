import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import { serviceProductRateChanged, type Actor, type EventData } from '@platform/contracts';
import { NotFoundProblem, RuleViolation, type Page, type PageQuery } from '@platform/http';
import { dateRange, type CalendarDate, type DateRange } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { findServiceProduct } from '../service-products/service-product.lookup.js';
import { eventOrigin } from '../../shared/event-origin.js';
import { markUpdated, newAudit } from '../../shared/audit.js';
import { findPage } from '@platform/persistence';
import { throwIfRuleIssues } from '../../shared/rule-issues.js';
import type { AddRateBody, EndRateBody } from './rate.schemas.js';
import { datedRate, rateSnapshot, rateView, type RateView } from './rate.view.js';
import { describePeriod, overlappingRate, rateInEffect } from './rates.js';
import {
  ServiceProductRate,
  type ServiceProductRateRecord,
} from './service-product-rate.entity.js';

type RateChange = EventData<typeof serviceProductRateChanged>;

@Injectable()
export class RatesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** SVC-2: adds a rate unless its period shares a day with another rate of the product. */
  async add(
    productId: string,
    body: AddRateBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<RateView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findServiceProduct(em, productId, { forUpdate: true });
      const period = dateRange(body.effectiveFrom, body.effectiveTo);
      refuseOverlap(period, await ratesOf(em, productId));
      const rate = em.create(ServiceProductRate, {
        id: randomUUID(),
        productId,
        kind: body.kind,
        fixedCents: body.kind === 'fixed' ? body.amount : null,
        minimumCents: body.kind === 'range' ? body.minimum : null,
        maximumCents: body.kind === 'range' ? body.maximum : null,
        effectiveFrom: body.effectiveFrom,
        effectiveTo: body.effectiveTo,
        ...newAudit(actor),
      });
      announce(em, actor, correlationId, { productId, change: 'added', rate: rateSnapshot(rate) });
      return rateView(rate);
    });
  }

  /**
   * SVC-2: sets the last day a rate applies — earlier to end it, or later, as long as the new
   * period still overlaps no other rate. Setting the end it already has changes nothing.
   */
  async end(
    productId: string,
    rateId: string,
    body: EndRateBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<RateView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findServiceProduct(em, productId, { forUpdate: true });
      const rates = await ratesOf(em, productId);
      const rate = rateIn(rates, rateId);
      if (rate.effectiveTo === body.effectiveTo) return rateView(rate);
      if (body.effectiveTo < rate.effectiveFrom) {
        throwIfRuleIssues([
          {
            rule: 'SVC-2',
            field: 'effectiveTo',
            message: `the rate starts on ${rate.effectiveFrom} and cannot end before it starts`,
          },
        ]);
      }
      refuseOverlap(
        dateRange(rate.effectiveFrom as CalendarDate, body.effectiveTo),
        rates,
        rate.id,
      );
      const previousEffectiveTo = rate.effectiveTo ?? null;
      rate.effectiveTo = body.effectiveTo;
      markUpdated(rate, actor);
      announce(em, actor, correlationId, {
        productId,
        change: 'ended',
        rate: rateSnapshot(rate),
        previousEffectiveTo,
      });
      return rateView(rate);
    });
  }

  /** SVC-2: removes a rate entered by mistake; finance reassesses what it paid (FIN-12). */
  async remove(
    productId: string,
    rateId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await findServiceProduct(em, productId, { forUpdate: true });
      const rate = rateIn(await ratesOf(em, productId), rateId);
      em.remove(rate);
      announce(em, actor, correlationId, {
        productId,
        change: 'removed',
        rate: rateSnapshot(rate),
      });
    });
  }

  async list(productId: string, query: PageQuery): Promise<Page<RateView>> {
    const em = this.orm.em.fork();
    await findServiceProduct(em, productId);
    return findPage(
      em,
      ServiceProductRate,
      { productId },
      query,
      { effectiveFrom: 'asc' },
      rateView,
    );
  }

  /** SVC-2: the one rate active on `date`, or null when the product has none that day. */
  async inEffect(
    productId: string,
    date: CalendarDate,
  ): Promise<{ date: CalendarDate; rate: RateView | null }> {
    const em = this.orm.em.fork();
    await findServiceProduct(em, productId);
    const rates = await ratesOf(em, productId);
    const active = rateInEffect(rates.map(datedRate), date);
    const rate = active ? rates.find((candidate) => candidate.id === active.id) : undefined;
    return { date, rate: rate ? rateView(rate) : null };
  }
}

function ratesOf(em: EntityManager, productId: string): Promise<ServiceProductRateRecord[]> {
  return em.find(ServiceProductRate, { productId }, { orderBy: { effectiveFrom: 'asc' } });
}

function rateIn(rates: readonly ServiceProductRateRecord[], rateId: string) {
  const rate = rates.find((candidate) => candidate.id === rateId);
  if (!rate) throw new NotFoundProblem('Rate', rateId);
  return rate;
}

/** SVC-2: at most one rate is active for a product at any date. */
function refuseOverlap(
  period: DateRange,
  rates: readonly ServiceProductRateRecord[],
  ignoreRateId?: string,
): void {
  const clash = overlappingRate(period, rates.map(datedRate), ignoreRateId);
  if (!clash) return;
  throw new RuleViolation(
    'SVC-2',
    `The period ${describePeriod(period)} overlaps rate ${clash.id} ` +
      `(${describePeriod(clash.period)}); at most one rate is active for a product at any date`,
  );
}

function announce(
  em: EntityManager,
  actor: Actor,
  correlationId: string | undefined,
  data: RateChange,
) {
  recordEvent(em, serviceProductRateChanged, {
    aggregateId: data.productId,
    ...eventOrigin(actor, correlationId),
    data,
  });
}
