import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { RuleViolation } from '@platform/http';
import { ProvidersService } from '../providers/provider-management.service.js';
import type { ProviderRecord } from '../providers/provider.entity.js';
import { selfServiceLinks } from './self-service-links.js';

export interface SelfServiceOverview {
  provider: ProviderRecord;
  links: Record<string, string>;
}

@ApiTags('self-service')
@Controller('self-service')
export class SelfServiceController {
  constructor(@Inject(ProvidersService) private readonly providers: ProvidersService) {}

  @Get('provider')
  @RequireRoles('provider')
  @ApiOperation({
    summary:
      "The signed-in provider's own record and links to its members, services, credentials, waitlists and incidents (SS-3, ROLE-2)",
  })
  async own(@CurrentActor() actor: Actor): Promise<SelfServiceOverview> {
    if (!actor.providerId) {
      throw new RuleViolation('ROLE-2', 'This account is not linked to a provider', 404);
    }
    const provider = await this.providers.get(actor.providerId, actor);
    return { provider, links: selfServiceLinks(provider.id) };
  }
}
