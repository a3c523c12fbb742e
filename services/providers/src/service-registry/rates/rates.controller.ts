import { Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import {
  ValidBody,
  ValidQuery,
  ZodValidationPipe,
  type Page,
  type PageQuery,
} from '@platform/http';
import { AGENCY_READERS, REGISTRY_ADMINS } from '../../shared/roles.js';
import { idParam } from '../../shared/common.schemas.js';
import {
  addRateBody,
  addRateExample,
  endRateBody,
  listRatesQuery,
  rateInEffectQuery,
  type AddRateBody,
  type EndRateBody,
  type RateInEffectQuery,
} from './rate.schemas.js';
import type { RateView } from './rate.view.js';
import { RatesService } from './rates.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('service registry')
@Controller('service-products/:productId/rates')
export class RatesController {
  constructor(@Inject(RatesService) private readonly rates: RatesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Add a rate: a fixed amount or a range, for an effective period (SVC-2)',
    description:
      'Amounts are decimal strings with at most two decimals ("100.00"), stored as exact integer ' +
      'cents; responses always give two decimals. Dates are calendar dates, the end inclusive; ' +
      'no end means open-ended. A period that overlaps another rate of the product is refused ' +
      'with 409 naming SVC-2.',
  })
  add(
    @Param('productId', idPipe) productId: string,
    @ValidBody(addRateBody, addRateExample) body: AddRateBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<RateView> {
    return this.rates.add(productId, body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'The rates of a product, earliest first (SVC-2)' })
  list(
    @Param('productId', idPipe) productId: string,
    @ValidQuery(listRatesQuery) query: PageQuery,
  ): Promise<Page<RateView>> {
    return this.rates.list(productId, query);
  }

  @Get('in-effect')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({
    summary: 'The rate active on a date (SVC-2); `rate` is null when none applies that day',
  })
  inEffect(
    @Param('productId', idPipe) productId: string,
    @ValidQuery(rateInEffectQuery) query: RateInEffectQuery,
  ) {
    return this.rates.inEffect(productId, query.date);
  }

  @Post(':rateId/end')
  @HttpCode(200)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Set the last day a rate applies (SVC-2); 409 if the new period overlaps another',
  })
  end(
    @Param('productId', idPipe) productId: string,
    @Param('rateId', idPipe) rateId: string,
    @ValidBody(endRateBody, { effectiveTo: '2026-06-30' }) body: EndRateBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<RateView> {
    return this.rates.end(productId, rateId, body, actor, correlationId);
  }

  @Delete(':rateId')
  @HttpCode(204)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Remove a rate entered by mistake (SVC-2)' })
  remove(
    @Param('productId', idPipe) productId: string,
    @Param('rateId', idPipe) rateId: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    return this.rates.remove(productId, rateId, actor, correlationId);
  }
}
