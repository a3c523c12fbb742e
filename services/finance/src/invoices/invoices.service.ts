import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, RuleViolation, type Page } from '@platform/http';
import { findPageBySql } from '@platform/persistence';
import { insertLineItems } from './invoice-line-writes.js';
import {
  assertInvoiceVisible,
  assertNotAwaitingRequestDecision,
  assertSubmitterKnown,
  lastLineNumber,
  lockInvoice,
  nextInvoiceReference,
} from './invoice-records.js';
import { invoiceViews, lineItemHistory, lineItemViews } from './invoice.reads.js';
import type {
  AddLineItemsBody,
  CreateInvoiceBody,
  LineItemChanges,
  LineItemInput,
  ListInvoicesQuery,
  ListLineItemsQuery,
  SelfServiceInvoiceBody,
} from './invoice.schemas.js';
import { modifyLineItem } from './line-item-modification.js';
import type { InvoiceView, LineItemChangeView, LineItemView } from './invoice.views.js';
import { todayDate } from '@platform/kernel';

/** Who may see an invoice: everyone the route lets in (staff), or only its own provider (ROLE-2). */
export type Viewer = Actor | null;

interface NewInvoice {
  providerId: string;
  submitterKind: 'provider' | 'group';
  providerReference: string | null;
  receivedOn: string | undefined;
  origin: 'staff' | 'self-service';
  status: 'draft' | 'requested';
  lineItems: readonly LineItemInput[];
}

/** FIN-3: service invoices entered by finance staff or requested by providers, and their lines. */
@Injectable()
export class InvoicesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** FIN-3: finance staff enter an invoice from a provider or group; it starts in draft. */
  create(body: CreateInvoiceBody, actor: Actor): Promise<InvoiceView> {
    return this.insert(
      {
        providerId: body.providerId,
        submitterKind: body.submitterKind,
        providerReference: body.providerReference ?? null,
        receivedOn: body.receivedOn,
        origin: 'staff',
        status: 'draft',
        lineItems: body.lineItems,
      },
      actor,
    );
  }

  /**
   * SS-4 / FIN-3: a provider's self-service request, for a resource manager to accept first. The
   * provider is the token's (ROLE-2); a line naming another provider is refused.
   */
  request(body: SelfServiceInvoiceBody, actor: Actor): Promise<InvoiceView> {
    const providerId = ownProvider(actor);
    const errors = body.lineItems.flatMap((line, index) =>
      line.providerId && line.providerId !== providerId
        ? [{ field: `lineItems.${index}.providerId`, message: 'not your provider' }]
        : [],
    );
    if (errors.length > 0) {
      throw new RuleViolation(
        'ROLE-2',
        "A provider's self-service user invoices for its own provider only",
        422,
        errors,
      );
    }
    return this.insert(
      {
        providerId,
        submitterKind: 'provider',
        providerReference: body.providerReference ?? null,
        receivedOn: body.receivedOn,
        origin: 'self-service',
        status: 'requested',
        lineItems: body.lineItems,
      },
      actor,
    );
  }

  private async insert(invoice: NewInvoice, actor: Actor): Promise<InvoiceView> {
    const invoiceId = randomUUID();
    await this.orm.em.fork().transactional(async (em) => {
      await assertSubmitterKnown(em, invoice.submitterKind, invoice.providerId);
      const day = todayDate();
      const reference = await nextInvoiceReference(em, day);
      await em.execute(
        `insert into invoice (invoice_id, reference, provider_id, submitter_kind,
           provider_reference, origin, status, received_on, created_by, updated_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          invoiceId,
          reference,
          invoice.providerId,
          invoice.submitterKind,
          invoice.providerReference,
          invoice.origin,
          invoice.status,
          invoice.receivedOn ?? day,
          actor.userId,
          actor.userId,
        ],
      );
      await insertLineItems(
        em,
        { invoiceId, providerId: invoice.providerId },
        0,
        invoice.lineItems,
        actor,
        false,
      );
    });
    return this.get(invoiceId, null);
  }

  /**
   * FIN-3: adds line items to an invoice in draft or submitted (those added after submission are
   * submitted one by one later), numbered after its last line.
   */
  async addLineItems(
    invoiceId: string,
    body: AddLineItemsBody,
    actor: Actor,
  ): Promise<InvoiceView> {
    await this.orm.em.fork().transactional(async (em) => {
      const invoice = await lockInvoice(em, invoiceId);
      assertNotAwaitingRequestDecision(invoice);
      await insertLineItems(
        em,
        invoice,
        await lastLineNumber(em, invoiceId),
        body.lineItems,
        actor,
        true,
      );
      await em.execute(
        'update invoice set updated_at = now(), updated_by = ? where invoice_id = ?',
        [actor.userId, invoiceId],
      );
    });
    return this.get(invoiceId, null);
  }

  /** WF-4: corrects a line item in draft or exception, recording what changed (FIN-6). */
  async modifyLineItem(
    invoiceId: string,
    lineItemId: string,
    changes: LineItemChanges,
    actor: Actor,
  ): Promise<LineItemView> {
    await this.orm.em
      .fork()
      .transactional((em) => modifyLineItem(em, invoiceId, lineItemId, changes, actor));
    return this.lineItem(invoiceId, lineItemId, null);
  }

  /** Invoices by provider, status, origin, reference and day received; newest first. */
  list(query: ListInvoicesQuery): Promise<Page<InvoiceView>> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (condition: string, value: unknown) => {
      conditions.push(condition);
      params.push(value);
    };
    if (query.providerId) where('i.provider_id = ?', query.providerId);
    if (query.status) where('i.status = ?', query.status);
    if (query.origin) where('i.origin = ?', query.origin);
    if (query.reference) where('i.reference = ?', query.reference.toUpperCase());
    if (query.receivedFrom) where('i.received_on >= ?::date', query.receivedFrom);
    if (query.receivedTo) where('i.received_on <= ?::date', query.receivedTo);
    return findPageBySql(
      this.orm.em.fork(),
      {
        from: 'invoice i',
        conditions,
        params,
        id: 'i.invoice_id',
        orderBy: 'i.created_at desc, i.reference desc',
      },
      query,
      (ids, em) => invoiceViews(em, ids),
    );
  }

  /** SS-4: a provider's own invoices (ROLE-2), whoever entered them. */
  listOwn(query: Omit<ListInvoicesQuery, 'providerId' | 'origin'>, actor: Actor) {
    return this.list({ ...query, providerId: ownProvider(actor) });
  }

  async get(invoiceId: string, viewer: Viewer): Promise<InvoiceView> {
    const em = this.orm.em.fork();
    const [invoice] = await invoiceViews(em, [invoiceId]);
    if (!invoice || (viewer && invoice.providerId !== ownProvider(viewer))) {
      throw new NotFoundProblem('Invoice', invoiceId);
    }
    return invoice;
  }

  /** An invoice's line items by status, client and service product, in line order. */
  async lineItems(
    invoiceId: string,
    query: ListLineItemsQuery,
    viewer: Viewer,
  ): Promise<Page<LineItemView>> {
    const em = this.orm.em.fork();
    await assertInvoiceVisible(em, invoiceId, viewer);
    const conditions = ['l.invoice_id = ?'];
    const params: unknown[] = [invoiceId];
    if (query.status) {
      conditions.push('l.status = ?');
      params.push(query.status);
    }
    if (query.serviceProductId) {
      conditions.push('l.service_product_id = ?');
      params.push(query.serviceProductId);
    }
    if (query.clientId) {
      conditions.push(
        'exists (select 1 from invoice_line_client c where c.line_item_id = l.line_item_id and c.client_id = ?)',
      );
      params.push(query.clientId);
    }
    return findPageBySql(
      em,
      {
        from: 'invoice_line_item l',
        conditions,
        params,
        id: 'l.line_item_id',
        orderBy: 'l.line_number',
      },
      query,
      (ids, snapshot) => lineItemViews(snapshot, ids),
    );
  }

  async lineItem(invoiceId: string, lineItemId: string, viewer: Viewer): Promise<LineItemView> {
    const em = this.orm.em.fork();
    await assertInvoiceVisible(em, invoiceId, viewer);
    const [line] = await lineItemViews(em, [lineItemId]);
    if (!line || line.invoiceId !== invoiceId) throw new NotFoundProblem('Line item', lineItemId);
    return line;
  }

  async lineItemHistory(invoiceId: string, lineItemId: string): Promise<LineItemChangeView[]> {
    await this.lineItem(invoiceId, lineItemId, null);
    return lineItemHistory(this.orm.em.fork(), lineItemId);
  }
}

/** ROLE-2: the provider a self-service token speaks for; a provider token without one sees nothing. */
export function ownProvider(actor: Actor): string {
  if (!actor.providerId) {
    throw new RuleViolation('ROLE-2', 'The token names no provider to act for', 403);
  }
  return actor.providerId;
}
