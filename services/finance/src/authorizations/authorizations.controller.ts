import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, type Page } from '@platform/http';
import { idPipe } from '../shared/request-inputs.js';
import { AUTHORIZATION_READERS, AUTHORIZATION_WRITERS } from '../shared/roles.js';
import {
  asOfQuery,
  cancelBody,
  cancelExample,
  createAuthorizationBody,
  createAuthorizationExample,
  listAuthorizationsQuery,
  type AsOfQuery,
  type CancelBody,
  type CreateAuthorizationBody,
  type ListAuthorizationsQuery,
} from './authorization.schemas.js';
import type { AuthorizationSummaryView, AuthorizationView } from './authorization.views.js';
import { AuthorizationsService } from './authorizations.service.js';

/** FIN-1 / FIN-2: what case workers authorise, and how much of it invoices have used. */
@ApiTags('service-authorizations')
@Controller('service-authorizations')
export class AuthorizationsController {
  constructor(
    @Inject(AuthorizationsService) private readonly authorizations: AuthorizationsService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...AUTHORIZATION_WRITERS)
  @ApiOperation({
    summary: 'Authorise services for one or more clients (FIN-1), numbered SA-<year>-<sequence>',
    description:
      "Clients share each line item's units (two clients, 10 sessions → 10 units). A line item " +
      'with no provider may be delivered by any registered provider; its period defaults to the ' +
      "authorization's and must lie within it. 422 names the rule and field (e.g. " +
      '`lineItems[1].serviceProductId`): clients and nominees must be registered (FIN-4), clients ' +
      'of the case when one is given, products and providers known to finance (FIN-1).',
  })
  create(
    @ValidBody(createAuthorizationBody, createAuthorizationExample) body: CreateAuthorizationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AuthorizationView> {
    return this.authorizations.create(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...AUTHORIZATION_READERS)
  @ApiOperation({
    summary: 'Authorizations by client, case, provider, service, active day and status (FIN-2)',
    description:
      '`providerId` finds authorizations the provider may deliver: line items naming it or no ' +
      'provider (FIN-1). `status` is derived as of `asOf` (default today).',
  })
  list(
    @ValidQuery(listAuthorizationsQuery) query: ListAuthorizationsQuery,
  ): Promise<Page<AuthorizationSummaryView>> {
    return this.authorizations.list(query);
  }

  @Get(':id')
  @RequireRoles(...AUTHORIZATION_READERS)
  @ApiOperation({
    summary: 'One authorization: clients, case, line items with units used and left (FIN-1)',
    description: 'Statuses (FIN-2) are derived as of `asOf` (default today).',
  })
  get(
    @Param('id', idPipe) id: string,
    @ValidQuery(asOfQuery) query: AsOfQuery,
  ): Promise<AuthorizationView> {
    return this.authorizations.get(id, query.asOf);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles(...AUTHORIZATION_WRITERS)
  @ApiOperation({
    summary: 'Cancel (delete) an authorization (FIN-2); 409 naming FIN-2 when it is already',
  })
  cancel(
    @Param('id', idPipe) id: string,
    @ValidBody(cancelBody, cancelExample) body: CancelBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AuthorizationView> {
    return this.authorizations.cancel(id, body, actor, correlationId);
  }

  @Post(':id/line-items/:lineItemId/cancel')
  @HttpCode(200)
  @RequireRoles(...AUTHORIZATION_WRITERS)
  @ApiOperation({
    summary: 'Cancel one line item (FIN-2); 409 naming FIN-2 when it is already',
  })
  cancelLineItem(
    @Param('id', idPipe) id: string,
    @Param('lineItemId', idPipe) lineItemId: string,
    @ValidBody(cancelBody, cancelExample) body: CancelBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AuthorizationView> {
    return this.authorizations.cancelLineItem(id, lineItemId, body, actor, correlationId);
  }
}
