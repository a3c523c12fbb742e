import { idPipe } from '../shared/request-inputs.js';
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, type Page } from '@platform/http';
import { SELF_SERVICE } from '../shared/roles.js';
import {
  listLineItemsQuery,
  listOwnInvoicesQuery,
  MAX_LINE_ITEMS,
  selfServiceInvoiceBody,
  type ListLineItemsQuery,
  type ListOwnInvoicesQuery,
  type SelfServiceInvoiceBody,
} from './invoice.schemas.js';
import type { InvoiceView, LineItemView } from './invoice.views.js';
import { InvoicesService } from './invoices.service.js';

/**
 * SS-4 / ROLE-2: a provider's self-service user requests invoices and follows its own. The
 * provider is always the token's; another provider's invoice answers 404 like an unknown id.
 */
@ApiTags('self-service')
@Controller('self-service/invoices')
export class SelfServiceInvoicesController {
  constructor(@Inject(InvoicesService) private readonly invoices: InvoicesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...SELF_SERVICE)
  @ApiOperation({
    summary:
      'Request an invoice for your provider; a resource manager accepts it first (SS-4, FIN-3)',
    description:
      `1 to ${MAX_LINE_ITEMS} line items, like a staff-entered invoice; the invoice is ` +
      'requested, origin self-service, from the provider of your token (ROLE-2).',
  })
  request(
    @ValidBody(selfServiceInvoiceBody) body: SelfServiceInvoiceBody,
    @CurrentActor() actor: Actor,
  ): Promise<InvoiceView> {
    return this.invoices.request(body, actor);
  }

  @Get()
  @RequireRoles(...SELF_SERVICE)
  @ApiOperation({ summary: "Your provider's invoices, newest first (SS-4, ROLE-2)" })
  list(
    @ValidQuery(listOwnInvoicesQuery) query: ListOwnInvoicesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<InvoiceView>> {
    return this.invoices.listOwn(query, actor);
  }

  @Get(':id')
  @RequireRoles(...SELF_SERVICE)
  @ApiOperation({ summary: "One of your provider's invoices (SS-4, ROLE-2)" })
  get(@Param('id', idPipe) id: string, @CurrentActor() actor: Actor): Promise<InvoiceView> {
    return this.invoices.get(id, actor);
  }

  @Get(':id/line-items')
  @RequireRoles(...SELF_SERVICE)
  @ApiOperation({ summary: "The line items of one of your provider's invoices (SS-4, ROLE-2)" })
  lineItems(
    @Param('id', idPipe) id: string,
    @ValidQuery(listLineItemsQuery) query: ListLineItemsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<LineItemView>> {
    return this.invoices.lineItems(id, query, actor);
  }
}
