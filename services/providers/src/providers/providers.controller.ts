import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { RequireRoles } from '@platform/auth';
import { NotFoundProblem, ZodValidationPipe } from '@platform/http';
import { Provider, type ProviderRecord } from './provider.entity.js';

@ApiTags('providers')
@Controller('providers')
export class ProvidersController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  @Get(':id')
  @RequireRoles('resource-manager', 'resource-manager-supervisor', 'facility-manager', 'operator')
  @ApiOperation({ summary: 'One provider (PRV-1)' })
  async get(
    @Param('id', new ZodValidationPipe(z.uuid('must be a UUID'), 'path')) id: string,
  ): Promise<ProviderRecord> {
    const provider = await this.orm.em.fork().findOne(Provider, { id });
    if (!provider) throw new NotFoundProblem('Provider', id);
    return provider;
  }
}
