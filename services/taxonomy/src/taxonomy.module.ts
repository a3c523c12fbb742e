import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import type { TaxonomyConfig } from './config.js';
import { EXPORT_CONTROLLERS, EXPORT_PROVIDERS } from './export/export.parts.js';
import { IMPORTS_CONTROLLERS, IMPORTS_PROVIDERS } from './imports/imports.parts.js';
import { INDEXING_CONTROLLERS, INDEXING_PROVIDERS } from './indexing/indexing.parts.js';
import { PROJECTIONS_CONTROLLERS, PROJECTIONS_PROVIDERS } from './projections/projections.parts.js';
import { SEARCH_CONTROLLERS, SEARCH_PROVIDERS } from './search/search.parts.js';
import { TAXONOMY_CONFIG } from './taxonomy-config.token.js';
import { TERMS_CONTROLLERS, TERMS_PROVIDERS } from './terms/terms.parts.js';
import { VERSIONS_CONTROLLERS, VERSIONS_PROVIDERS } from './versions/versions.parts.js';

@Module({})
export class TaxonomyModule {
  static register(deps: ServiceDeps & { config: TaxonomyConfig }): DynamicModule {
    return serviceModule(TaxonomyModule, deps, {
      controllers: [
        ...PROJECTIONS_CONTROLLERS,
        ...VERSIONS_CONTROLLERS,
        ...IMPORTS_CONTROLLERS,
        ...TERMS_CONTROLLERS,
        ...INDEXING_CONTROLLERS,
        ...SEARCH_CONTROLLERS,
        ...EXPORT_CONTROLLERS,
      ],
      providers: [
        { provide: TAXONOMY_CONFIG, useValue: deps.config },
        ...PROJECTIONS_PROVIDERS,
        ...VERSIONS_PROVIDERS,
        ...IMPORTS_PROVIDERS,
        ...TERMS_PROVIDERS,
        ...INDEXING_PROVIDERS,
        ...SEARCH_PROVIDERS,
        ...EXPORT_PROVIDERS,
      ],
    });
  }
}
