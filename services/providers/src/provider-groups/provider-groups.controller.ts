import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { AGENCY_READERS, PROVIDER_RECORD_READERS, RESOURCE_MANAGERS } from '../shared/roles.js';
import type { Payee } from './payee-resolution.js';
import type { ProviderGroupRecord } from './provider-group.entities.js';
import {
  affiliateBody,
  enrolGroupBody,
  groupLifecycleBody,
  listGroupsQuery,
  payeeQuery,
  paymentDirectionBody,
  type AffiliateBody,
  type EnrolGroupBody,
  type GroupLifecycleBody,
  type ListGroupsQuery,
  type PayeeQuery,
  type PaymentDirectionBody,
} from './provider-group.schemas.js';
import { ProviderGroupsService, type AffiliationView } from './provider-groups.service.js';

const uuid = (name: string) => new ZodValidationPipe(z.uuid(`${name} must be a UUID`), 'path');

/*
 * ROLE: resource managers (and their supervisors) manage groups and affiliations, which agency
 * staff and operators read; a provider's own user reads only who is paid for it (SS-3).
 */

@ApiTags('provider groups')
@Controller()
export class ProviderGroupsController {
  constructor(@Inject(ProviderGroupsService) private readonly groups: ProviderGroupsService) {}

  @Post('provider-groups')
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Enrol a provider group (PRV-4)' })
  enrol(
    @ValidBody(enrolGroupBody, { name: 'Northside Foster Care Network' }) body: EnrolGroupBody,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderGroupRecord> {
    return this.groups.enrol(body, actor);
  }

  @Get('provider-groups')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'Provider groups by name and status' })
  list(@ValidQuery(listGroupsQuery) query: ListGroupsQuery): Promise<Page<ProviderGroupRecord>> {
    return this.groups.list(query);
  }

  @Get('provider-groups/:id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One provider group' })
  get(@Param('id', uuid('id')) id: string): Promise<ProviderGroupRecord> {
    return this.groups.get(id);
  }

  @Post('provider-groups/:id/lifecycle')
  @HttpCode(200)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Close (with a reason) or reopen a provider group (PRV-4)' })
  changeStatus(
    @Param('id', uuid('id')) id: string,
    @ValidBody(groupLifecycleBody, { action: 'close', reason: 'Network dissolved' })
    body: GroupLifecycleBody,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderGroupRecord> {
    return this.groups.changeStatus(id, body, actor);
  }

  @Post('provider-groups/:id/affiliations')
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Affiliate a provider with the group for a period (PRV-4, PRV-5)' })
  affiliate(
    @Param('id', uuid('id')) id: string,
    @ValidBody(affiliateBody, {
      providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
      startDate: '2026-01-01',
      paymentsToGroup: false,
    })
    body: AffiliateBody,
    @CurrentActor() actor: Actor,
  ): Promise<AffiliationView> {
    return this.groups.affiliate(id, body, actor);
  }

  @Get('provider-groups/:id/affiliations')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: "The group's affiliations with their payment-direction history" })
  affiliations(@Param('id', uuid('id')) id: string): Promise<AffiliationView[]> {
    return this.groups.affiliations(id);
  }

  @Post('provider-groups/:id/affiliations/:affiliationId/payment-direction')
  @HttpCode(200)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: "Where the provider's payments go from a date (PRV-5)" })
  changePaymentDirection(
    @Param('id', uuid('id')) id: string,
    @Param('affiliationId', uuid('affiliationId')) affiliationId: string,
    @ValidBody(paymentDirectionBody, { effectiveFrom: '2026-03-01', paymentsToGroup: true })
    body: PaymentDirectionBody,
    @CurrentActor() actor: Actor,
  ): Promise<AffiliationView> {
    return this.groups.changePaymentDirection(id, affiliationId, body, actor);
  }

  @Get('providers/:id/payee')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'Who is paid for services the provider delivered on a date (PRV-5)' })
  payee(
    @Param('id', uuid('id')) id: string,
    @ValidQuery(payeeQuery) query: PayeeQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Payee & { date: string }> {
    return this.groups.payee(id, query.date, actor);
  }
}
