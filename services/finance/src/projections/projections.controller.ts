import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { RequireRoles } from '@platform/auth';
import { NotFoundProblem, ZodValidationPipe } from '@platform/http';
import { PROJECTION_READERS } from '../shared/roles.js';
import { providerFacts, serviceProductFacts } from './projection-reads.js';
import type { ProviderFactsView, ServiceProductFactsView } from './projection-views.js';

const uuid = (name: string) => new ZodValidationPipe(z.uuid(`${name} must be a UUID`), 'path');

/**
 * What finance knows of the providers service's facts, as its events told it (ADR 0018): for
 * finance users checking why an invoice line failed, and operators watching a rebuild catch up.
 */
@ApiTags('projections')
@Controller('projections')
export class ProjectionsController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  @Get('providers/:id')
  @RequireRoles(...PROJECTION_READERS)
  @ApiOperation({
    summary:
      'A provider as finance knows it: status (PRV-1), services with rates and payment options ' +
      '(PRV-6, PRV-7), payment-direction history (PRV-5) and binding contracts (CTR, FIN-5, FIN-7)',
  })
  async provider(@Param('id', uuid('id')) id: string): Promise<ProviderFactsView> {
    const facts = await providerFacts(this.orm.em.fork(), id);
    if (!facts) throw new NotFoundProblem('Provider', id);
    return facts;
  }

  @Get('service-products/:id')
  @RequireRoles(...PROJECTION_READERS)
  @ApiOperation({
    summary:
      'A service product as finance knows it: pay-by flags and channels (SVC-4), payment options ' +
      '(SVC-3) and rates by effective period (SVC-2)',
  })
  async serviceProduct(@Param('id', uuid('id')) id: string): Promise<ServiceProductFactsView> {
    const facts = await serviceProductFacts(this.orm.em.fork(), id);
    if (!facts) throw new NotFoundProblem('Service product', id);
    return facts;
  }
}
