import { Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { AGENCY_READERS, REGISTRY_ADMINS } from '../../shared/roles.js';
import { idParam } from '../../shared/common.schemas.js';
import {
  createServiceProductBody,
  listServiceProductsQuery,
  serviceProductExample,
  updateServiceProductBody,
  type CreateServiceProductBody,
  type ListServiceProductsQuery,
  type UpdateServiceProductBody,
} from './service-product.schemas.js';
import type { ServiceProductView } from './service-product.view.js';
import { ServiceProductsService } from './service-products.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('service registry')
@Controller('service-products')
export class ServiceProductsController {
  constructor(@Inject(ServiceProductsService) private readonly products: ServiceProductsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Register a service product (SVC-1 … SVC-10)',
    description:
      'The pay-by flags (SVC-4) are chosen here and cannot change later. Attendance tracking ' +
      '(SVC-6) and delivery (SVC-9) may be given in part; missing settings take their defaults. ' +
      'A configuration that breaks a rule is answered 400, each error naming its field and rule.',
  })
  create(
    @ValidBody(createServiceProductBody, serviceProductExample) body: CreateServiceProductBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceProductView> {
    return this.products.create(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({
    summary: 'Search service products by name substring, unit of measure or group (SVC-1)',
  })
  list(
    @ValidQuery(listServiceProductsQuery) query: ListServiceProductsQuery,
  ): Promise<Page<ServiceProductView>> {
    return this.products.list(query);
  }

  @Get(':id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One service product with its whole configuration' })
  get(@Param('id', idPipe) id: string): Promise<ServiceProductView> {
    return this.products.get(id);
  }

  @Patch(':id')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Change a service product',
    description:
      'Attendance tracking and delivery changes are merged into the stored settings. Changing a ' +
      'pay-by flag is refused with 409 naming SVC-4; payment options change through ' +
      'PUT /service-products/{id}/payment-options.',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateServiceProductBody, { approvalCheckPercentage: 25 })
    body: UpdateServiceProductBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceProductView> {
    return this.products.update(id, body, actor, correlationId);
  }
}
