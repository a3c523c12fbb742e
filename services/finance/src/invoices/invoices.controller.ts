import { idPipe } from '../shared/request-inputs.js';
import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, type Page } from '@platform/http';
import { INVOICE_READERS, INVOICE_WRITERS } from '../shared/roles.js';
import {
  addLineItemsBody,
  createInvoiceBody,
  createInvoiceExample,
  lineItemChangesBody,
  listInvoicesQuery,
  listLineItemsQuery,
  MAX_LINE_ITEMS,
  type AddLineItemsBody,
  type CreateInvoiceBody,
  type LineItemChanges,
  type ListInvoicesQuery,
  type ListLineItemsQuery,
} from './invoice.schemas.js';
import type { InvoiceView, LineItemChangeView, LineItemView } from './invoice.views.js';
import { InvoicesService } from './invoices.service.js';

/** FIN-3 / FIN-6: service invoices finance staff enter, and their line items. */
@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(@Inject(InvoicesService) private readonly invoices: InvoicesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...INVOICE_WRITERS)
  @ApiOperation({
    summary: 'Enter a service invoice from a provider or group, in draft (FIN-3)',
    description:
      `1 to ${MAX_LINE_ITEMS} line items, numbered 1..n, each in draft. A group invoice names ` +
      "the member provider of each line; else a line is the invoice's provider's. Numbered " +
      'INV-<year>-<6 digits>. A provider or group finance does not know: 422 naming providerId.',
  })
  create(
    @ValidBody(createInvoiceBody, createInvoiceExample) body: CreateInvoiceBody,
    @CurrentActor() actor: Actor,
  ): Promise<InvoiceView> {
    return this.invoices.create(body, actor);
  }

  @Get()
  @RequireRoles(...INVOICE_READERS)
  @ApiOperation({
    summary: 'Invoices by provider, status, origin, reference and day received (FIN-3)',
    description: 'Newest first, each with its line items counted by status.',
  })
  list(@ValidQuery(listInvoicesQuery) query: ListInvoicesQuery): Promise<Page<InvoiceView>> {
    return this.invoices.list(query);
  }

  @Get(':id')
  @RequireRoles(...INVOICE_READERS)
  @ApiOperation({
    summary: 'One invoice: line items counted by status and the billed total (FIN-3…FIN-6)',
  })
  get(@Param('id', idPipe) id: string): Promise<InvoiceView> {
    return this.invoices.get(id, null);
  }

  @Post(':id/line-items')
  @HttpCode(201)
  @RequireRoles(...INVOICE_WRITERS)
  @ApiOperation({
    summary: 'Add line items to an invoice in draft or submitted (FIN-3)',
    description:
      'Numbered after its last line, in draft; lines added after submission are submitted one ' +
      "by one later. A provider's request not yet accepted: 409 naming FIN-3.",
  })
  addLineItems(
    @Param('id', idPipe) id: string,
    @ValidBody(addLineItemsBody) body: AddLineItemsBody,
    @CurrentActor() actor: Actor,
  ): Promise<InvoiceView> {
    return this.invoices.addLineItems(id, body, actor);
  }

  @Get(':id/line-items')
  @RequireRoles(...INVOICE_READERS)
  @ApiOperation({
    summary: "An invoice's line items by status, client and service product (FIN-3…FIN-6)",
    description:
      'In line order: clients, period, units, amounts, status, attempt, failures, the ' +
      'authorization line item matched (FIN-4) and the payment, once calculated (FIN-7).',
  })
  lineItems(
    @Param('id', idPipe) id: string,
    @ValidQuery(listLineItemsQuery) query: ListLineItemsQuery,
  ): Promise<Page<LineItemView>> {
    return this.invoices.lineItems(id, query, null);
  }

  @Get(':id/line-items/:lineItemId')
  @RequireRoles(...INVOICE_READERS)
  @ApiOperation({ summary: 'One line item and the outcome of its latest attempt (FIN-4…FIN-6)' })
  lineItem(
    @Param('id', idPipe) id: string,
    @Param('lineItemId', idPipe) lineItemId: string,
  ): Promise<LineItemView> {
    return this.invoices.lineItem(id, lineItemId, null);
  }

  @Get(':id/line-items/:lineItemId/history')
  @RequireRoles(...INVOICE_READERS)
  @ApiOperation({ summary: 'Who added and modified a line item, when, and what changed (WF-4)' })
  history(
    @Param('id', idPipe) id: string,
    @Param('lineItemId', idPipe) lineItemId: string,
  ): Promise<LineItemChangeView[]> {
    return this.invoices.lineItemHistory(id, lineItemId);
  }

  @Patch(':id/line-items/:lineItemId')
  @RequireRoles(...INVOICE_WRITERS)
  @ApiOperation({
    summary: 'Correct a line item in draft or exception before (re)submitting it (FIN-6, WF-4)',
    description:
      'Each field given replaces the stored one; every change is recorded with its old and new ' +
      'value. Accepted, stopped or denied: 409 naming FIN-6.',
  })
  modify(
    @Param('id', idPipe) id: string,
    @Param('lineItemId', idPipe) lineItemId: string,
    @ValidBody(lineItemChangesBody) body: LineItemChanges,
    @CurrentActor() actor: Actor,
  ): Promise<LineItemView> {
    return this.invoices.modifyLineItem(id, lineItemId, body, actor);
  }
}
