import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { PROVIDER_RECORD_MANAGERS, PROVIDER_RECORD_READERS } from '../shared/roles.js';
import { ServiceEnquiriesService } from './service-enquiries.service.js';
import {
  cancelEnquiryBody,
  listEnquiriesQuery,
  listProviderEnquiriesQuery,
  respondEnquiryBody,
  respondEnquiryExample,
  sendEnquiryBody,
  sendEnquiryExample,
  type CancelEnquiryBody,
  type ListEnquiriesQuery,
  type ListProviderEnquiriesQuery,
  type RespondEnquiryBody,
  type SendEnquiryBody,
} from './service-enquiry.schemas.js';
import type { ServiceEnquiryView } from './service-enquiry.views.js';

const idPipe = new ZodValidationPipe(idParam, 'path');
/**
 * ROLE: case workers ask providers about services; resource managers, their supervisors and
 * facility managers (who manage providers) may too.
 */
const ENQUIRERS: Role[] = ['case-worker', ...PROVIDER_RECORD_MANAGERS];
/** The provider answers through self-service (only its own enquiries); staff record answers. */
const RESPONDERS: Role[] = [...ENQUIRERS, 'provider'];

@ApiTags('service enquiries')
@Controller('service-enquiries')
export class ServiceEnquiriesController {
  constructor(
    @Inject(ServiceEnquiriesService) private readonly enquiries: ServiceEnquiriesService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...ENQUIRERS)
  @ApiOperation({
    summary: 'Ask a provider whether it can deliver a service in a period (PRV-9)',
    description:
      'For a client (opaque `clientReference`, optional `clientName`), a number of units of the ' +
      "product's unit of measure, from…to (inclusive). The enquiry goes by the provider's " +
      'preferred communication unless `contactMethod` says otherwise; with no preference on ' +
      'record `contactMethod` is required (400 naming it and PRV-9). A closed provider is ' +
      'refused (409 PRV-9). Announced as service-enquiry.sent.',
  })
  send(
    @ValidBody(sendEnquiryBody, sendEnquiryExample) body: SendEnquiryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceEnquiryView> {
    return this.enquiries.send(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary:
      'Service enquiries by provider, service product, status, case worker, client and period (PRV-9)',
    description:
      'Newest first. `from`/`to` keep the enquiries whose period shares a day with from…to. A ' +
      "provider's token sees only the enquiries addressed to it.",
  })
  list(
    @ValidQuery(listEnquiriesQuery) query: ListEnquiriesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ServiceEnquiryView>> {
    return this.enquiries.list(query, actor);
  }

  @Get(':enquiryId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One service enquiry with its answer (PRV-9)' })
  get(
    @Param('enquiryId', idPipe) enquiryId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ServiceEnquiryView> {
    return this.enquiries.get(enquiryId, actor);
  }

  @Post(':enquiryId/response')
  @HttpCode(200)
  @RequireRoles(...RESPONDERS)
  @ApiOperation({
    summary: "Record the provider's answer: available, unavailable or partially-available (PRV-9)",
    description:
      'The provider answers its own enquiries through self-service (another provider gets 404); ' +
      'staff record an answer given by phone, email or letter. partially-available needs ' +
      '`availableUnits` (1 … units − 1). Only a sent enquiry can be answered (409 PRV-9). ' +
      'Announced as service-enquiry.responded.',
  })
  respond(
    @Param('enquiryId', idPipe) enquiryId: string,
    @ValidBody(respondEnquiryBody, respondEnquiryExample) body: RespondEnquiryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceEnquiryView> {
    return this.enquiries.respond(enquiryId, body, actor, correlationId);
  }

  @Post(':enquiryId/cancel')
  @HttpCode(200)
  @RequireRoles(...ENQUIRERS)
  @ApiOperation({
    summary: 'Withdraw an enquiry that was not answered yet (PRV-9)',
    description: 'Only a sent enquiry can be cancelled (409 PRV-9).',
  })
  cancel(
    @Param('enquiryId', idPipe) enquiryId: string,
    @ValidBody(cancelEnquiryBody, { reason: 'Client placed elsewhere' }) body: CancelEnquiryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ServiceEnquiryView> {
    return this.enquiries.cancel(enquiryId, body, actor, correlationId);
  }
}

@ApiTags('service enquiries')
@Controller('providers/:providerId/service-enquiries')
export class ProviderServiceEnquiriesController {
  constructor(
    @Inject(ServiceEnquiriesService) private readonly enquiries: ServiceEnquiriesService,
  ) {}

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: 'The service enquiries addressed to the provider (PRV-9)',
    description: 'Same filters as /service-enquiries; a provider reads its own (ROLE-2).',
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listProviderEnquiriesQuery) query: ListProviderEnquiriesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ServiceEnquiryView>> {
    return this.enquiries.listOfProvider(providerId, query, actor);
  }
}

/** The service enquiries' HTTP API (PRV-9), registered in the providers module. */
export const SERVICE_ENQUIRY_CONTROLLERS = [
  ServiceEnquiriesController,
  ProviderServiceEnquiriesController,
];
export const SERVICE_ENQUIRY_SERVICES = [ServiceEnquiriesService];
