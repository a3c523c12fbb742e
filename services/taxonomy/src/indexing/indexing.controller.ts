import { Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody } from '@platform/http';
import { INDEXERS, TAXONOMY_READERS } from '../shared/roles.js';
import type { IndexView } from './index.views.js';
import { addIndexBody, addIndexExample, type AddIndexBody } from './indexing.schemas.js';
import { IndexingService } from './indexing.service.js';

/** TAX-8: provider services' indexes — links to taxonomy terms, single or compound. */
@ApiTags('indexing')
@Controller('provider-services/:id/indexes')
export class IndexingController {
  constructor(@Inject(IndexingService) private readonly indexing: IndexingService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...INDEXERS)
  @ApiOperation({
    summary: 'Index a provider service with a term or a compound of terms (TAX-8)',
    description:
      'Terms of the published version of `taxonomyId` (default: the only published taxonomy; ' +
      '422 naming TAX-8 and `taxonomyId` otherwise). 422 naming TAX-8 and `providerServiceId` ' +
      'for a provider service the providers service has not announced; 422 naming TAX-8 and ' +
      '`termCodes[i]` for an unknown or repeated code, TAX-3 for an inactive term; 409 for an ' +
      'index the service already has. The terms become `used` (TAX-3) and search finds the ' +
      'service by their words (TAX-9). Records `service-index.added`.',
  })
  add(
    @Param('id', idPipe) providerServiceId: string,
    @ValidBody(addIndexBody, addIndexExample) body: AddIndexBody,
    @CurrentActor() actor: Actor,
  ): Promise<IndexView> {
    return this.indexing.add(providerServiceId, body, actor);
  }

  @Get()
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({
    summary: "A provider service's indexes with their compound names (TAX-8)",
    description: '404 while the provider service is not (yet) known from the providers events.',
  })
  list(@Param('id', idPipe) providerServiceId: string): Promise<{ items: IndexView[] }> {
    return this.indexing.list(providerServiceId);
  }

  @Delete(':indexId')
  @HttpCode(204)
  @RequireRoles(...INDEXERS)
  @ApiOperation({
    summary: 'Remove an index (TAX-8)',
    description:
      'Terms no other index uses become `active` again (TAX-3). Records `service-index.removed`.',
  })
  remove(
    @Param('id', idPipe) providerServiceId: string,
    @Param('indexId', idPipe) indexId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.indexing.remove(providerServiceId, indexId, actor);
  }
}
