import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe } from '../shared/request-inputs.js';
import { NotFoundProblem, ValidQuery, type Page } from '@platform/http';
import { SELF_SERVICE } from '../shared/roles.js';
import { findPayment, findPayments } from './payment-reads.js';
import { selfServicePaymentsQuery, type SelfServicePaymentsQuery } from './payment.schemas.js';
import type { PaymentSummaryView, PaymentView } from './payment.views.js';

/**
 * ROLE-2 / SS-4: a provider's self-service user sees the payments made for its provider — never
 * another provider's (404, as if it did not exist).
 */
@ApiTags('self-service')
@Controller('self-service/payments')
export class SelfServicePaymentsController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  @Get()
  @RequireRoles(...SELF_SERVICE)
  @ApiOperation({ summary: "The signed-in provider's payments, newest first (ROLE-2)" })
  list(
    @ValidQuery(selfServicePaymentsQuery) query: SelfServicePaymentsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<PaymentSummaryView>> {
    const { limit, offset, status } = query;
    const providerId = ownProviderId(actor);
    if (providerId === null) return Promise.resolve({ items: [], total: 0, limit, offset });
    return findPayments(this.orm.em.fork(), { providerId, status }, { limit, offset });
  }

  @Get(':id')
  @RequireRoles(...SELF_SERVICE)
  @ApiOperation({
    summary: "One of the signed-in provider's payments with its lines and adjustments (ROLE-2)",
  })
  get(@Param('id', idPipe) id: string, @CurrentActor() actor: Actor): Promise<PaymentView> {
    const providerId = ownProviderId(actor);
    if (providerId === null) throw new NotFoundProblem('Payment', id);
    return findPayment(this.orm.em.fork(), id, providerId);
  }
}

/** A provider user's token names its provider; one that does not sees nothing (ROLE-2). */
const ownProviderId = (actor: Actor): string | null => actor.providerId ?? null;
