import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, type Page } from '@platform/http';
import { idPipe } from '../shared/request-inputs.js';
import { PAYMENT_APPROVERS } from '../shared/roles.js';
import { paymentRunFileResponse, type HeaderSink } from './payment-run-file.response.js';
import { PaymentRunsService } from './payment-runs.service.js';
import {
  createPaymentRunBody,
  createPaymentRunExample,
  listPaymentRunsQuery,
  type CreatePaymentRunBody,
  type ListPaymentRunsQuery,
} from './payment.schemas.js';
import type { PaymentRunSummaryView, PaymentRunView } from './payment.views.js';

/**
 * ROLE-1: issuing is finance's too — approved payments leave in payment runs through the agency's
 * payment system port (the CSV export first); each run keeps the file it handed over.
 */
@ApiTags('payments')
@Controller('payment-runs')
export class PaymentRunsController {
  constructor(@Inject(PaymentRunsService) private readonly runs: PaymentRunsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PAYMENT_APPROVERS)
  @ApiOperation({
    summary: 'Issue approved payments in a payment run (ROLE-1)',
    description:
      'The payments named (`paymentIds`), or every approved payment. In one transaction: the ' +
      'payments are locked, the file is built through the payment-system port, the run is stored ' +
      'with its SHA-256, the payments become issued with one `payment.issued` each. A named ' +
      'payment that is not approved: 409 naming it, nothing changes. No approved payment: 409.',
  })
  create(
    @ValidBody(createPaymentRunBody, createPaymentRunExample) body: CreatePaymentRunBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<PaymentRunView> {
    return this.runs.create(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...PAYMENT_APPROVERS)
  @ApiOperation({ summary: 'Payment runs, newest first (ROLE-1)' })
  list(
    @ValidQuery(listPaymentRunsQuery) query: ListPaymentRunsQuery,
  ): Promise<Page<PaymentRunSummaryView>> {
    return this.runs.list(query);
  }

  @Get(':id')
  @RequireRoles(...PAYMENT_APPROVERS)
  @ApiOperation({ summary: 'One payment run with the payments it issued (ROLE-1)' })
  get(@Param('id', idPipe) id: string): Promise<PaymentRunView> {
    return this.runs.get(id);
  }

  @Get(':id/file')
  @RequireRoles(...PAYMENT_APPROVERS)
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The file the run handed to the payment system, byte for byte (ROLE-1)',
    description: '`X-Content-SHA256` (and `ETag`) give the SHA-256 stored when the run was made.',
  })
  async file(
    @Param('id', idPipe) id: string,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return paymentRunFileResponse(await this.runs.file(id), response);
  }
}
