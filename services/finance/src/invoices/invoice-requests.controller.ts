import { idPipe } from '../shared/request-inputs.js';
import { Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody } from '@platform/http';
import { INVOICE_REQUEST_DECIDERS } from '../shared/roles.js';
import { InvoiceRequestsService } from './invoice-requests.service.js';
import { rejectRequestBody, type RejectRequestBody } from './invoice.schemas.js';
import type { AcceptedRequestView, InvoiceView } from './invoice.views.js';

/** FIN-3 / SS-4: a resource manager decides a provider's invoice request first. */
@ApiTags('invoices')
@Controller('invoices/:id/request')
export class InvoiceRequestsController {
  constructor(@Inject(InvoiceRequestsService) private readonly requests: InvoiceRequestsService) {}

  @Post('accept')
  @HttpCode(200)
  @RequireRoles(...INVOICE_REQUEST_DECIDERS)
  @ApiOperation({
    summary: "Accept a provider's invoice request: it is submitted and processed (FIN-3…FIN-9)",
    description:
      'In one transaction: the decision is recorded and every line item is processed. Answers ' +
      'the invoice and the processing outcome. Not a pending request: 409 naming FIN-3.',
  })
  accept(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AcceptedRequestView> {
    return this.requests.accept(id, actor, correlationId || undefined);
  }

  @Post('reject')
  @HttpCode(200)
  @RequireRoles(...INVOICE_REQUEST_DECIDERS)
  @ApiOperation({
    summary: "Reject a provider's invoice request with a reason (FIN-3)",
    description: 'The invoice becomes request-rejected. Not a pending request: 409 naming FIN-3.',
  })
  reject(
    @Param('id', idPipe) id: string,
    @ValidBody(rejectRequestBody) body: RejectRequestBody,
    @CurrentActor() actor: Actor,
  ): Promise<InvoiceView> {
    return this.requests.reject(id, body.reason, actor);
  }
}
