import { Controller, Headers, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { paymentOptions, type Actor, type PaymentOptions } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ZodValidationPipe } from '@platform/http';
import { REGISTRY_ADMINS } from '../../shared/roles.js';
import { idParam } from '../../shared/common.schemas.js';
import type { ServiceProductView } from '../service-products/service-product.view.js';
import { PaymentOptionsService } from './payment-options.service.js';

@ApiTags('service registry')
@Controller('service-products/:id/payment-options')
export class PaymentOptionsController {
  constructor(@Inject(PaymentOptionsService) private readonly options: PaymentOptionsService) {}

  @Put()
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: "Set the product's default payment options (SVC-3)",
    description:
      'What to pay when a billed unit amount is outside the rate: fixed rate billed ≠ fixed → ' +
      'pay-billed | pay-fixed | pay-nothing; billed < minimum → pay-billed | pay-minimum | ' +
      'pay-nothing; billed > maximum → pay-maximum | pay-nothing. Answers the whole product.',
  })
  replace(
    @Param('id', new ZodValidationPipe(idParam, 'path')) id: string,
    @ValidBody(paymentOptions, {
      fixed: 'pay-billed',
      minimum: 'pay-billed',
      maximum: 'pay-maximum',
    })
    body: PaymentOptions,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceProductView> {
    return this.options.replace(id, body, actor, correlationId);
  }
}
