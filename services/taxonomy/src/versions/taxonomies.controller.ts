import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { TAXONOMY_ADMINS, TAXONOMY_READERS } from '../shared/roles.js';
import { TaxonomiesService } from './taxonomies.service.js';
import type { TaxonomyDetailView, TaxonomyView } from './taxonomy-reads.js';
import {
  createTaxonomyBody,
  createTaxonomyExample,
  listTaxonomiesQuery,
  newVersionBody,
  newVersionExample,
  type CreateTaxonomyBody,
  type ListTaxonomiesQuery,
  type NewVersionBody,
} from './taxonomy.schemas.js';
import type { VersionSummary, VersionView } from './version-reads.js';

/** TAX-1/TAX-2/TAX-7: taxonomies and their versions. */
@ApiTags('taxonomies')
@Controller('taxonomies')
export class TaxonomiesController {
  constructor(@Inject(TaxonomiesService) private readonly taxonomies: TaxonomiesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'Create a custom taxonomy with its first, editing version (TAX-7)',
    description: 'A name the country already has is refused (409 naming TAX-7 and `name`).',
  })
  create(
    @ValidBody(createTaxonomyBody, createTaxonomyExample) body: CreateTaxonomyBody,
    @CurrentActor() actor: Actor,
  ): Promise<TaxonomyDetailView> {
    return this.taxonomies.create(body, actor);
  }

  @Get()
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({ summary: 'Taxonomies by kind and name, with their published version, paged' })
  list(@ValidQuery(listTaxonomiesQuery) query: ListTaxonomiesQuery): Promise<Page<TaxonomyView>> {
    return this.taxonomies.list(query);
  }

  @Get(':id')
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({ summary: 'A taxonomy with its versions and which one is published (TAX-2)' })
  detail(@Param('id', idPipe) taxonomyId: string): Promise<TaxonomyDetailView> {
    return this.taxonomies.detail(taxonomyId);
  }

  @Get(':id/versions')
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({ summary: "A taxonomy's versions, newest first (TAX-2)" })
  versions(@Param('id', idPipe) taxonomyId: string): Promise<VersionSummary[]> {
    return this.taxonomies.versions(taxonomyId);
  }

  @Post(':id/versions')
  @HttpCode(201)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiOperation({
    summary: 'A new editing version of a custom taxonomy, copied from its published one (TAX-7)',
    description:
      'Refused (409) for an AIRS taxonomy (TAX-7: updates are imported), while another version is ' +
      'editing or pending review, or before a first version is published (TAX-2).',
  })
  newVersion(
    @Param('id', idPipe) taxonomyId: string,
    @ValidBody(newVersionBody, newVersionExample) body: NewVersionBody,
    @CurrentActor() actor: Actor,
  ): Promise<VersionView> {
    return this.taxonomies.newVersion(taxonomyId, body, actor);
  }
}
