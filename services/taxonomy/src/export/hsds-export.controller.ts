import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireRoles } from '@platform/auth';
import { ValidQuery } from '@platform/http';
import { TAXONOMY_READERS } from '../shared/roles.js';
import { HsdsExportService } from './hsds-export.service.js';
import type { HsdsExportPage } from './hsds.views.js';

/**
 * Every provider's services at once: staff only (ROLE-2, a provider sees only its own details;
 * it finds others' services through search, which shows only offered ones).
 */
const EXPORT_READERS = TAXONOMY_READERS.filter((role) => role !== 'provider');

const exportQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    offset: z.coerce.number().int().min(0).default(0),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fr-CA')
      .optional(),
  })
  .strict();
type ExportQuery = z.infer<typeof exportQuery>;

/** Open Referral HSDS 3.1: provider services with their taxonomy terms, for directories and 211s. */
@ApiTags('export')
@Controller('exports')
export class HsdsExportController {
  constructor(@Inject(HsdsExportService) private readonly exporter: HsdsExportService) {}

  @Get('hsds')
  @RequireRoles(...EXPORT_READERS)
  @ApiOperation({
    summary: 'Provider services with their taxonomy terms in Open Referral HSDS 3.1 shape',
    description:
      'A page of services (by id; `limit` up to 1,000, `offset`) with `organization`, `service`, ' +
      '`taxonomy`, `taxonomy_term` (the terms the indexes use and their ancestors, from the ' +
      'published version, in `language` or the default language), `attribute` (HSDS 3.x links, ' +
      'labelled with the compound index name) and `service_taxonomy` (the same links for HSDS ' +
      '2.0 consumers). Staff only.',
  })
  export(@ValidQuery(exportQuery) query: ExportQuery): Promise<HsdsExportPage> {
    return this.exporter.page(query);
  }
}
