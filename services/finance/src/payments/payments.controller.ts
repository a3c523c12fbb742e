import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe } from '../shared/request-inputs.js';
import { ValidBody, ValidQuery, type Page } from '@platform/http';
import { PAYMENT_APPROVERS, PAYMENT_READERS } from '../shared/roles.js';
import { PaymentApprovalService, type ApprovedPayments } from './payment-approval.service.js';
import { findPayment, findPayments } from './payment-reads.js';
import {
  approvePaymentsBody,
  approvePaymentsExample,
  listPaymentsQuery,
  type ApprovePaymentsBody,
  type ListPaymentsQuery,
} from './payment.schemas.js';
import type { PaymentSummaryView, PaymentView } from './payment.views.js';

/** Payments calculated from invoices (FIN-7…FIN-9, FIN-14): find, read, approve (ROLE-1). */
@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(PaymentApprovalService) private readonly approval: PaymentApprovalService,
  ) {}

  @Get()
  @RequireRoles(...PAYMENT_READERS)
  @ApiOperation({
    summary: 'Payments by status, provider, payee, invoice or day calculated (FIN-7…FIN-9, FIN-14)',
  })
  list(@ValidQuery(listPaymentsQuery) query: ListPaymentsQuery): Promise<Page<PaymentSummaryView>> {
    const { limit, offset, ...filter } = query;
    return findPayments(this.orm.em.fork(), filter, { limit, offset });
  }

  @Post('approve')
  @HttpCode(200)
  @RequireRoles(...PAYMENT_APPROVERS)
  @ApiOperation({
    summary: 'Approve several calculated payments, or all of an invoice (ROLE-1)',
    description:
      '`paymentIds`: exactly these; `invoiceId`: every calculated payment of the invoice ' +
      '("approving the invoice"). All or nothing: if any named payment is not calculated, 409 ' +
      'naming each and its state, and none is approved. Only finance users approve.',
  })
  approveMany(
    @ValidBody(approvePaymentsBody, approvePaymentsExample) body: ApprovePaymentsBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ApprovedPayments> {
    return this.approval.approveMany(body, actor, correlationId);
  }

  @Get(':id')
  @RequireRoles(...PAYMENT_READERS)
  @ApiOperation({
    summary: 'One payment with its priced lines (FIN-7, FIN-9) and adjustments (FIN-8)',
  })
  get(@Param('id', idPipe) id: string): Promise<PaymentView> {
    return findPayment(this.orm.em.fork(), id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRoles(...PAYMENT_APPROVERS)
  @ApiOperation({
    summary: 'Approve a calculated payment (ROLE-1)',
    description:
      'calculated → approved, recording who and when. Any other state: 409 naming it. Only ' +
      'finance users approve.',
  })
  approve(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<PaymentView> {
    return this.approval.approveOne(id, actor, correlationId);
  }
}
