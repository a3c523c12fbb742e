import { Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe } from '@platform/http';
import { TAXONOMY_ADMINS, TAXONOMY_READERS } from '../shared/roles.js';
import { TaxonomiesService } from './taxonomies.service.js';
import type { VersionView } from './version-reads.js';
import { VersionLifecycleService, type PublishedVersionView } from './version-lifecycle.service.js';

/** TAX-2/TAX-4/TAX-7: one version — read, publish (or republish), delete. */
@ApiTags('taxonomies')
@Controller('taxonomy-versions')
export class TaxonomyVersionsController {
  constructor(
    @Inject(TaxonomiesService) private readonly taxonomies: TaxonomiesService,
    @Inject(VersionLifecycleService) private readonly lifecycle: VersionLifecycleService,
  ) {}

  @Get(':id')
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({
    summary: 'A version: status, terms by display state, pending drafts (TAX-2, TAX-3, TAX-4)',
  })
  version(@Param('id', idPipe) versionId: string): Promise<VersionView> {
    return this.taxonomies.version(versionId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Publish an editing version, or republish the published one (TAX-2, TAX-4)',
    description:
      'Publishing supersedes the version published before. Republishing applies every pending ' +
      'term draft first, in the same transaction. A version pending user review is published by ' +
      'its review (409 naming TAX-5); superseded and discarded versions are refused (409 TAX-2).',
  })
  publish(
    @Param('id', idPipe) versionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PublishedVersionView> {
    return this.lifecycle.publish(versionId, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Delete an editing version of a custom (or never published) taxonomy (TAX-7)',
    description: 'Any other version is refused (409 naming TAX-7).',
  })
  async remove(@Param('id', idPipe) versionId: string): Promise<void> {
    await this.lifecycle.deleteVersion(versionId);
  }
}
