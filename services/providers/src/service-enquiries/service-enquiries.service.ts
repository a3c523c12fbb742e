import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  serviceEnquiryCancelled,
  serviceEnquiryResponded,
  serviceEnquirySent,
  type Actor,
  type ServiceEnquiryStatus,
} from '@platform/contracts';
import {
  assertMayAccessProvider,
  isProviderSelfService,
  NotFoundProblem,
  RuleViolation,
  type Page,
} from '@platform/http';
import { recordEvent } from '@platform/messaging';
import { findProvider } from '../providers/provider.lookup.js';
import { ServiceProduct } from '../service-registry/service-products/service-product.entity.js';
import { SERVICE_PRODUCT } from '../service-registry/service-products/service-product.lookup.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { listedProviderId } from '../shared/provider-scope.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { refuseRuleIssue } from '../shared/rule-issues.js';
import { ServiceEnquiry, type ServiceEnquiryRecord } from './service-enquiry.entity.js';
import {
  enquiryTransition,
  resolveContactMethod,
  resolveResponse,
  type EnquiryAction,
} from './service-enquiry.rules.js';
import type {
  CancelEnquiryBody,
  ListEnquiriesQuery,
  ListProviderEnquiriesQuery,
  RespondEnquiryBody,
  SendEnquiryBody,
} from './service-enquiry.schemas.js';
import { serviceEnquiryView, type ServiceEnquiryView } from './service-enquiry.views.js';

const SERVICE_ENQUIRY = 'Service enquiry';

/** PRV-9: service enquiries from case workers to providers, and the providers' answers. */
@Injectable()
export class ServiceEnquiriesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * PRV-9: records the enquiry, to go to the provider by its preferred communication unless the
   * case worker chose another method, and announces it (service-enquiry.sent) for whoever contacts
   * the provider.
   */
  async send(
    body: SendEnquiryBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceEnquiryView> {
    return this.orm.em.fork().transactional(async (em) => {
      const provider = await findProvider(em, body.providerId);
      if (provider.status === 'closed') {
        throw new RuleViolation(
          'PRV-9',
          `Provider ${provider.id} is closed and delivers no services (PRV-1); reopen it before ` +
            'asking it about a service',
        );
      }
      const product = await em.findOne(
        ServiceProduct,
        { id: body.serviceProductId },
        { fields: ['id'] },
      );
      if (!product) throw new NotFoundProblem(SERVICE_PRODUCT, body.serviceProductId);
      const contact = resolveContactMethod(body.contactMethod, provider.preferredCommunication);
      if (!contact.ok) refuseRuleIssue(contact.issue);

      const enquiry = em.create(ServiceEnquiry, {
        id: randomUUID(),
        providerId: provider.id,
        serviceProductId: product.id,
        clientReference: body.clientReference,
        clientName: body.clientName?.trim() || null,
        from: body.from,
        to: body.to,
        units: body.units,
        contactMethod: contact.method,
        contactMethodSource: contact.source,
        question: body.question?.trim() || null,
        caseWorker: actor.userId,
        status: 'sent',
        ...newAudit(actor),
      });
      recordEvent(em, serviceEnquirySent, {
        aggregateId: enquiry.id,
        ...eventOrigin(actor, correlationId),
        data: {
          enquiryId: enquiry.id,
          providerId: enquiry.providerId,
          serviceProductId: enquiry.serviceProductId,
          clientReference: enquiry.clientReference,
          clientName: enquiry.clientName ?? null,
          from: body.from,
          to: body.to,
          units: enquiry.units,
          contactMethod: enquiry.contactMethod,
          contactMethodSource: enquiry.contactMethodSource,
          question: enquiry.question ?? null,
          caseWorker: enquiry.caseWorker,
        },
      });
      return serviceEnquiryView(enquiry);
    });
  }

  /**
   * PRV-9: records the provider's answer — by the provider itself through self-service (only to
   * enquiries addressed to it; 404 for others) or by staff after a phone call, email or letter.
   */
  async respond(
    enquiryId: string,
    body: RespondEnquiryBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceEnquiryView> {
    return this.orm.em.fork().transactional(async (em) => {
      const { enquiry, to } = await lockForAction(em, enquiryId, actor, 'respond');
      const answer = resolveResponse(enquiry.units, body.response, body.availableUnits);
      if (!answer.ok) refuseRuleIssue(answer.issue);

      const now = new Date();
      const via = isProviderSelfService(actor) ? 'self-service' : 'staff';
      enquiry.status = to;
      enquiry.response = body.response;
      enquiry.availableUnits = answer.availableUnits;
      enquiry.responseComments = body.comments?.trim() || null;
      enquiry.respondedBy = body.respondedBy ?? actor.displayName ?? actor.userId;
      enquiry.respondedAt = now;
      enquiry.responseRecordedBy = actor.userId;
      enquiry.responseVia = via;
      markUpdated(enquiry, actor, now);
      recordEvent(em, serviceEnquiryResponded, {
        aggregateId: enquiry.id,
        ...eventOrigin(actor, correlationId),
        data: {
          enquiryId: enquiry.id,
          providerId: enquiry.providerId,
          serviceProductId: enquiry.serviceProductId,
          clientReference: enquiry.clientReference,
          from: enquiry.from,
          to: enquiry.to,
          units: enquiry.units,
          response: body.response,
          availableUnits: answer.availableUnits,
          comments: enquiry.responseComments ?? null,
          respondedBy: enquiry.respondedBy,
          respondedAt: now.toISOString(),
          recordedBy: actor.userId,
          via,
          caseWorker: enquiry.caseWorker,
        },
      });
      return serviceEnquiryView(enquiry);
    });
  }

  /** PRV-9: withdraws an enquiry not yet answered; the provider need no longer respond. */
  async cancel(
    enquiryId: string,
    body: CancelEnquiryBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceEnquiryView> {
    return this.orm.em.fork().transactional(async (em) => {
      const { enquiry, to } = await lockForAction(em, enquiryId, actor, 'cancel');
      const now = new Date();
      enquiry.status = to;
      enquiry.cancelReason = body.reason?.trim() || null;
      enquiry.cancelledBy = actor.userId;
      enquiry.cancelledAt = now;
      markUpdated(enquiry, actor, now);
      recordEvent(em, serviceEnquiryCancelled, {
        aggregateId: enquiry.id,
        ...eventOrigin(actor, correlationId),
        data: {
          enquiryId: enquiry.id,
          providerId: enquiry.providerId,
          reason: enquiry.cancelReason ?? null,
          cancelledBy: actor.userId,
        },
      });
      return serviceEnquiryView(enquiry);
    });
  }

  /** PRV-9: one enquiry; a provider sees only those addressed to it (404 otherwise, ROLE-2). */
  async get(enquiryId: string, actor: Actor): Promise<ServiceEnquiryView> {
    return serviceEnquiryView(await findEnquiry(this.orm.em.fork(), enquiryId, actor));
  }

  /**
   * PRV-9: enquiries, newest first, by provider, service product, status, case worker, client and
   * period (those sharing a day with from…to). A provider's token lists only its own.
   */
  async list(query: ListEnquiriesQuery, actor: Actor): Promise<Page<ServiceEnquiryView>> {
    const providerId = listedProviderId(actor, query.providerId);
    return this.search(this.orm.em.fork(), { ...query, providerId });
  }

  /** PRV-9: the enquiries addressed to one provider (its own token may read them, ROLE-2). */
  async listOfProvider(
    providerId: string,
    query: ListProviderEnquiriesQuery,
    actor: Actor,
  ): Promise<Page<ServiceEnquiryView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return this.search(em, { ...query, providerId });
  }

  private async search(
    em: EntityManager,
    query: ListProviderEnquiriesQuery & { providerId?: string | undefined },
  ): Promise<Page<ServiceEnquiryView>> {
    const where: FilterQuery<ServiceEnquiryRecord> = {
      ...(query.providerId ? { providerId: query.providerId } : {}),
      ...(query.serviceProductId ? { serviceProductId: query.serviceProductId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.caseWorker ? { caseWorker: query.caseWorker } : {}),
      ...(query.clientReference ? { clientReference: query.clientReference } : {}),
      ...(query.clientName ? { clientName: { $ilike: containsPattern(query.clientName) } } : {}),
      // the enquiry's period shares at least one day with the period asked about
      ...(query.to ? { from: { $lte: query.to } } : {}),
      ...(query.from ? { to: { $gte: query.from } } : {}),
    };
    return findPage(
      em,
      ServiceEnquiry,
      where,
      query,
      { createdAt: 'desc', id: 'desc' },
      serviceEnquiryView,
    );
  }
}

/** The enquiry, or 404 — also when a provider's token asks for another provider's (ROLE-2). */
async function findEnquiry(
  em: EntityManager,
  enquiryId: string,
  actor: Actor,
  options: { forUpdate?: boolean } = {},
): Promise<ServiceEnquiryRecord> {
  const enquiry = await em.findOne(
    ServiceEnquiry,
    { id: enquiryId },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!enquiry) throw new NotFoundProblem(SERVICE_ENQUIRY, enquiryId);
  assertMayAccessProvider(actor, enquiry.providerId, SERVICE_ENQUIRY, enquiryId);
  return enquiry;
}

/** The enquiry, locked, and the status `action` moves it to (409 naming PRV-9 if it may not). */
async function lockForAction(
  em: EntityManager,
  enquiryId: string,
  actor: Actor,
  action: EnquiryAction,
): Promise<{ enquiry: ServiceEnquiryRecord; to: ServiceEnquiryStatus }> {
  const enquiry = await findEnquiry(em, enquiryId, actor, { forUpdate: true });
  const move = enquiryTransition(enquiry.status, action);
  if (!move.ok) throw new RuleViolation('PRV-9', `Enquiry ${enquiry.id}: ${move.message}`);
  return { enquiry, to: move.to };
}
