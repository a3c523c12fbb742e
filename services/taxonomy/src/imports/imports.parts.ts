import type { Provider, Type } from '@nestjs/common';
import { TaxonomyImportsController } from './imports.controller.js';
import { TaxonomyImportsService } from './imports.service.js';

/** The imports area's controllers and providers, registered in taxonomy.module.ts. */
export const IMPORTS_CONTROLLERS: Type[] = [TaxonomyImportsController];
export const IMPORTS_PROVIDERS: Provider[] = [TaxonomyImportsService];
