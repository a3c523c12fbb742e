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
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { PROVIDER_RECORD_MANAGERS, PROVIDER_RECORD_READERS } from '../shared/roles.js';
import { ProviderClassificationService } from './provider-classification.service.js';
import {
  addServiceCentreBody,
  addSpecialtyBody,
  classifyBody,
  closeServiceCentreBody,
  codeInput,
  listByNameQuery,
  listServiceCentresQuery,
  serviceCentreExample,
  updateServiceCentreBody,
  type AddServiceCentreBody,
  type AddSpecialtyBody,
  type ClassifyBody,
  type CloseServiceCentreBody,
  type ListByNameQuery,
  type ListServiceCentresQuery,
  type UpdateServiceCentreBody,
} from './provider-classification.schemas.js';
import type {
  ClassificationView,
  ProviderSpecialtyView,
  ServiceCentreView,
} from './provider-classification.views.js';

const idPipe = new ZodValidationPipe(idParam, 'path');
const codePipe = new ZodValidationPipe(codeInput, 'path');

@ApiTags('provider classification')
@Controller('providers/:providerId')
export class ProviderClassificationController {
  constructor(
    @Inject(ProviderClassificationService)
    private readonly classification: ProviderClassificationService,
  ) {}

  @Get('classification')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: "The provider's category and type, with their names (PRV-3)" })
  get(
    @Param('providerId', idPipe) providerId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ClassificationView> {
    return this.classification.classification(providerId, actor);
  }

  @Put('classification')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: "Set the provider's category and type (PRV-3)",
    description:
      'The type is a sub-classification of the category: it must be one of its types (else 422 ' +
      'naming PRV-3). An inactive category cannot be newly assigned (422, PRV-3). `categoryCode: ' +
      'null` clears both. Announced as `provider.classified` when something changed.',
  })
  classify(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(classifyBody, { categoryCode: 'foster-home', typeCode: 'therapeutic' })
    body: ClassifyBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ClassificationView> {
    return this.classification.classify(providerId, body, actor, correlationId);
  }

  @Get('specialties')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: "The provider's specialties by name (PRV-3)" })
  specialties(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listByNameQuery) query: ListByNameQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProviderSpecialtyView>> {
    return this.classification.specialties(providerId, query, actor);
  }

  @Post('specialties')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Give the provider a specialty from the registry (PRV-3)' })
  addSpecialty(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(addSpecialtyBody, { specialtyCode: 'developmental-delay' }) body: AddSpecialtyBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProviderSpecialtyView> {
    return this.classification.addSpecialty(providerId, body, actor, correlationId);
  }

  @Delete('specialties/:code')
  @HttpCode(204)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Take a specialty away from the provider (PRV-3)' })
  removeSpecialty(
    @Param('providerId', idPipe) providerId: string,
    @Param('code', codePipe) code: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    return this.classification.removeSpecialty(providerId, code, actor, correlationId);
  }

  @Get('service-centres')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "The provider's service centres by name; activeOn: those open that day (PRV-3)",
  })
  serviceCentres(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listServiceCentresQuery) query: ListServiceCentresQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ServiceCentreView>> {
    return this.classification.serviceCentres(providerId, query, actor);
  }

  @Get('service-centres/:centreId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One service centre of the provider (PRV-3)' })
  serviceCentre(
    @Param('providerId', idPipe) providerId: string,
    @Param('centreId', idPipe) centreId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ServiceCentreView> {
    return this.classification.serviceCentre(providerId, centreId, actor);
  }

  @Post('service-centres')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Add a service centre: a location of non-placement services (PRV-3)',
  })
  addServiceCentre(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(addServiceCentreBody, serviceCentreExample) body: AddServiceCentreBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceCentreView> {
    return this.classification.addServiceCentre(providerId, body, actor, correlationId);
  }

  @Patch('service-centres/:centreId')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: "Change an open service centre's name, address, phone or first day (PRV-3)",
    description: 'A closed centre cannot be changed (409 naming PRV-3).',
  })
  updateServiceCentre(
    @Param('providerId', idPipe) providerId: string,
    @Param('centreId', idPipe) centreId: string,
    @ValidBody(updateServiceCentreBody, { phone: '+1 555 0199' }) body: UpdateServiceCentreBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceCentreView> {
    return this.classification.updateServiceCentre(
      providerId,
      centreId,
      body,
      actor,
      correlationId,
    );
  }

  @Post('service-centres/:centreId/close')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Close a service centre: its last day of service, inclusive (PRV-3)',
    description: 'Closing a closed centre is refused (409 naming PRV-3).',
  })
  closeServiceCentre(
    @Param('providerId', idPipe) providerId: string,
    @Param('centreId', idPipe) centreId: string,
    @ValidBody(closeServiceCentreBody, { to: '2026-06-30', reason: 'Lease ended' })
    body: CloseServiceCentreBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceCentreView> {
    return this.classification.closeServiceCentre(providerId, centreId, body, actor, correlationId);
  }
}
