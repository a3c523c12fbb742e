import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { paymentOptions, type Actor, type PaymentOptions } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import {
  ValidBody,
  ValidQuery,
  ZodValidationPipe,
  type Page,
  type PageQuery,
} from '@platform/http';
import { todayDate } from '../shared/today.js';
import { idParam } from '../shared/common.schemas.js';
import { PROVIDER_RECORD_MANAGERS, PROVIDER_RECORD_READERS } from '../shared/roles.js';
import {
  addProviderServiceBody,
  addProviderServiceExample,
  endProviderServiceBody,
  listApprovalsQuery,
  listProviderServicesQuery,
  rateInput,
  rateOnQuery,
  suspendProviderServiceBody,
  updateProviderServiceBody,
  type AddProviderServiceBody,
  type EndProviderServiceBody,
  type ListProviderServicesQuery,
  type RateInput,
  type RateOnQuery,
  type SuspendProviderServiceBody,
  type UpdateProviderServiceBody,
} from './provider-service.schemas.js';
import type {
  ApprovalView,
  ProviderServiceView,
  WarnedProviderServiceView,
} from './provider-service.views.js';
import {
  ProviderServicesService,
  type EffectivePaymentOptionsView,
  type EffectiveRateView,
} from './provider-services.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('provider services')
@Controller('providers/:providerId/services')
export class ProviderServicesController {
  constructor(
    @Inject(ProviderServicesService) private readonly services: ProviderServicesService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Add a service from the registry to the provider for a period (PRV-6, PRV-1, SVC-10)',
    description:
      'The service starts pending approval. Optional: a provider-service `rate` overriding the ' +
      "product's rate, a `placeLimit` (products measured in places only, else 422 naming PRV-6), " +
      "`paymentOptions` overriding the product's (PRV-7). A suspended or closed provider cannot " +
      'be given a new service (409 naming PRV-1). The answer carries `warnings`: SVC-10, one per ' +
      'active member who has neither completed nor been waived from a mandatory course.',
  })
  add(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(addProviderServiceBody, addProviderServiceExample) body: AddProviderServiceBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WarnedProviderServiceView> {
    return this.services.add(providerId, body, todayDate(), actor, correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "The provider's services by status, product and date active (PRV-6, SS-3)",
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listProviderServicesQuery) query: ListProviderServicesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProviderServiceView>> {
    return this.services.list(providerId, query, actor);
  }

  @Get(':id')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One service of the provider (PRV-6, SS-3)' })
  get(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderServiceView> {
    return this.services.get(providerId, id, actor);
  }

  @Patch(':id')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Change the period or the place limit of a provider service (PRV-6)',
    description:
      'The period may not overlap another (not ended) service of the same product at the ' +
      'provider (409 naming PRV-6); a place limit only for products measured in places (422). ' +
      'An ended service no longer changes (409).',
  })
  update(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @ValidBody(updateProviderServiceBody, { to: '2026-12-31', placeLimit: 4 })
    body: UpdateProviderServiceBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.services.update(providerId, id, body, actor, correlationId);
  }

  @Put(':id/rate')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: "Set the provider-service rate, which overrides the product's rate (PRV-6)",
    description:
      'A fixed `amount`, or a range with a `minimum` and/or `maximum`, as decimal strings.',
  })
  setRate(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @ValidBody(rateInput, { kind: 'fixed', amount: '95.00' }) body: RateInput,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.services.setRate(providerId, id, body, actor, correlationId);
  }

  @Delete(':id/rate')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: "Remove the provider-service rate: the product's rate applies again (PRV-6)",
  })
  removeRate(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.services.setRate(providerId, id, null, actor, correlationId);
  }

  @Get(':id/rate')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: 'The rate of the provider service on a date and where it comes from (PRV-6, SVC-2)',
    description:
      "`source` is `provider-service` when the service's own rate applies, `service-product` " +
      "when the product's rate active that day does, null when neither has one. A date outside " +
      'the provider service period is refused (422 naming PRV-6).',
  })
  rateOn(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @ValidQuery(rateOnQuery) query: RateOnQuery,
    @CurrentActor() actor: Actor,
  ): Promise<EffectiveRateView> {
    return this.services.rateOn(providerId, id, query.date, actor);
  }

  @Put(':id/payment-options')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: "Set the provider's payment options for the service, overriding the product's (PRV-7)",
    description:
      'Same choices as the product (SVC-3): fixed → pay-billed | pay-fixed | pay-nothing; ' +
      'minimum → pay-billed | pay-minimum | pay-nothing; maximum → pay-maximum | pay-nothing.',
  })
  setPaymentOptions(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @ValidBody(paymentOptions, {
      fixed: 'pay-billed',
      minimum: 'pay-minimum',
      maximum: 'pay-nothing',
    })
    body: PaymentOptions,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<EffectivePaymentOptionsView> {
    return this.services.setPaymentOptions(providerId, id, body, actor, correlationId);
  }

  @Delete(':id/payment-options')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: "Remove the provider's payment options: the product's apply again (PRV-7)",
  })
  removePaymentOptions(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<EffectivePaymentOptionsView> {
    return this.services.setPaymentOptions(providerId, id, null, actor, correlationId);
  }

  @Get(':id/payment-options')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "The payment options that apply: the provider's, else the product's (PRV-7, SVC-3)",
  })
  paymentOptions(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<EffectivePaymentOptionsView> {
    return this.services.paymentOptions(providerId, id, actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Approve a pending or suspended provider service (PRV-6, PRV-1, SVC-7, SVC-10)',
    description:
      'Only an approved provider has services approved (409 naming PRV-1). The approval ' +
      "proceeds, answering `warnings`: SVC-7 for each of the product's approval criteria that is " +
      'unmet or could not be checked, SVC-10 for each active member missing a mandatory course. ' +
      'The warnings are recorded with the approval (GET …/approvals).',
  })
  approve(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WarnedProviderServiceView & { approvalId: string }> {
    return this.services.approve(providerId, id, todayDate(), actor, correlationId);
  }

  @Get(':id/approvals')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: 'The approvals of a provider service with the warnings shown, latest first (SVC-7)',
  })
  approvals(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @ValidQuery(listApprovalsQuery) query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ApprovalView>> {
    return this.services.approvals(providerId, id, query, actor);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Suspend an approved provider service, with a reason (PRV-6)' })
  suspend(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @ValidBody(suspendProviderServiceBody, { reason: 'Staffing shortage' })
    body: SuspendProviderServiceBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.services.suspend(providerId, id, body.reason, actor, correlationId);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'End a provider service for good, with a reason and optionally its last day (PRV-6)',
  })
  end(
    @Param('providerId', idPipe) providerId: string,
    @Param('id', idPipe) id: string,
    @ValidBody(endProviderServiceBody, { reason: 'No longer offered', to: '2026-06-30' })
    body: EndProviderServiceBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProviderServiceView> {
    return this.services.end(providerId, id, body, actor, correlationId);
  }
}
