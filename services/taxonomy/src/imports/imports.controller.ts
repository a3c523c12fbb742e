import type { IncomingMessage } from 'node:http';
import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequireRoles } from '@platform/auth';
import type { Actor, Role } from '@platform/contracts';
import { idPipe, ValidQuery, type Page } from '@platform/http';
import { TAXONOMY_ADMINS } from '../shared/roles.js';
import {
  importQuery,
  listImportsQuery,
  type ImportQuery,
  type ListImportsQuery,
} from './import.schemas.js';
import type { ImportAnswer, ImportView } from './import.views.js';
import { TaxonomyImportsService } from './imports.service.js';

/** Who looks at imports: the administrators who run them and operators monitoring (ROLE). */
const IMPORT_READERS: Role[] = [...TAXONOMY_ADMINS, 'operator'];

/** TAX-1, TAX-5, TAX-6: uploads of AIRS/211 taxonomy files and their records. */
@ApiTags('taxonomy imports')
@Controller('taxonomy-imports')
export class TaxonomyImportsController {
  constructor(@Inject(TaxonomyImportsService) private readonly imports: TaxonomyImportsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...TAXONOMY_ADMINS)
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ description: 'The taxonomy XML file (see src/airs/taxonomy-file.ts)' })
  @ApiOperation({
    summary: 'Import a taxonomy file',
    description:
      'The body is the XML file, streamed. A taxonomy not imported before creates it and a version ' +
      'numbered by the release date, in editing (TAX-1); the same release in another language adds ' +
      'texts to that version (TAX-6); a newer release is an update compared with the current ' +
      'version (TAX-5, `reviewBeforeImport`, `reviewElements=name,definition`). A bad file is a 422 ' +
      'naming TAX-1, the field, line and term, and stores nothing.',
  })
  create(
    @Req() request: IncomingMessage,
    @ValidQuery(importQuery) query: ImportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ImportAnswer> {
    return this.imports.importFile(request, query, actor).finally(() => {
      // A refused upload may be unread: drain it so the problem reaches the client.
      if (!request.readableEnded) request.resume();
    });
  }

  @Get()
  @RequireRoles(...IMPORT_READERS)
  @ApiOperation({ summary: 'The taxonomy imports, newest first, paged' })
  list(@ValidQuery(listImportsQuery) query: ListImportsQuery): Promise<Page<ImportView>> {
    return this.imports.list(query);
  }

  @Get(':id')
  @RequireRoles(...IMPORT_READERS)
  @ApiOperation({ summary: 'One taxonomy import: what it created, its size and parse time' })
  get(@Param('id', idPipe) id: string): Promise<ImportView> {
    return this.imports.get(id);
  }
}
