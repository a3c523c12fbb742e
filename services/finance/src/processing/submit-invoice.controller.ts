import { Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody } from '@platform/http';
import { idPipe } from '../shared/request-inputs.js';
import type { FinanceConfig } from '../config.js';
import { FINANCE_CONFIG } from '../finance-config.token.js';
import { INVOICE_WRITERS } from '../shared/roles.js';
import { submitInvoice } from './invoice-submission.js';
import { submitInvoiceBody, type SubmitInvoiceBody } from './submit-invoice.schema.js';
import type { SubmissionResult } from './submission.types.js';

/** FIN-3…FIN-9, FIN-14: a finance user submits an invoice for processing. */
@ApiTags('invoices')
@Controller('invoices/:id')
export class SubmitInvoiceController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(FINANCE_CONFIG) private readonly config: FinanceConfig,
  ) {}

  @Post('submit')
  @HttpCode(200)
  @RequireRoles(...INVOICE_WRITERS)
  @ApiOperation({
    summary: 'Submit an invoice (or some of its line items) for processing (FIN-3…FIN-9, FIN-14)',
    description:
      'Validates and matches every line item in draft (or those named) in set-based batches ' +
      '(FIN-4), stops lines a fixed-fee contract covers (FIN-5), sends failed lines to the ' +
      'invoice exception process (FIN-6, WF-4) and prices accepted lines into calculated ' +
      'payments per payee (FIN-7, FIN-8, FIN-9, FIN-14) — all in one transaction. 409 naming ' +
      'FIN-3 for a self-service request not yet accepted or rejected, or no line in draft; 409 ' +
      'naming FIN-6 for a line already in its exception process.',
  })
  submit(
    @Param('id', idPipe) id: string,
    @ValidBody(submitInvoiceBody, {}) body: SubmitInvoiceBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<SubmissionResult> {
    return this.orm.em.fork().transactional((em) =>
      submitInvoice(
        em,
        {
          invoiceId: id,
          lineItemIds: body.lineItemIds ?? null,
          actor,
          ...(correlationId ? { correlationId } : {}),
        },
        { batchSize: this.config.INVOICE_PROCESSING_BATCH_SIZE },
      ),
    );
  }
}
