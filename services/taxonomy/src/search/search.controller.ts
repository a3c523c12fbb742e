import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@platform/auth';
import { ValidQuery, type Page } from '@platform/http';
import { TAXONOMY_READERS } from '../shared/roles.js';
import { searchQuery, type SearchQuery } from './search.schemas.js';
import { SearchService } from './search.service.js';
import type { SearchHitView } from './search.views.js';

/** TAX-9: keyword search for provider services through their indexes. */
@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(@Inject(SearchService) private readonly searching: SearchService) {}

  @Get('provider-services')
  @RequireRoles(...TAXONOMY_READERS)
  @ApiOperation({
    summary: 'Find provider services by the words of their indexes (TAX-9)',
    description:
      'Matches `q` against the names, use references and definitions of the terms each service ' +
      'is indexed with (TAX-8), in `language` (else the taxonomy default language), ranked by ' +
      'the best index. A service with no index is never found, whatever its name. Filters: ' +
      '`termCode` (the term or a descendant), `category` (the provider category), `location` ' +
      '(contained in an open service centre address, city, region or postal code). Only approved ' +
      'services of approved providers. `q` or `termCode` is required (422 naming `q`).',
  })
  search(@ValidQuery(searchQuery) query: SearchQuery): Promise<Page<SearchHitView>> {
    return this.searching.search(query);
  }
}
