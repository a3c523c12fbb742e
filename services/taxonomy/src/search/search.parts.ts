import type { Provider, Type } from '@nestjs/common';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/** The search area's controllers and providers, registered in taxonomy.module.ts. */
export const SEARCH_CONTROLLERS: Type[] = [SearchController];
export const SEARCH_PROVIDERS: Provider[] = [SearchService];
