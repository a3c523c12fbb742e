import type { Provider, Type } from '@nestjs/common';
import { IndexingController } from './indexing.controller.js';
import { IndexingService } from './indexing.service.js';

/** The indexing area's controllers and providers, registered in taxonomy.module.ts. */
export const INDEXING_CONTROLLERS: Type[] = [IndexingController];
export const INDEXING_PROVIDERS: Provider[] = [IndexingService];
