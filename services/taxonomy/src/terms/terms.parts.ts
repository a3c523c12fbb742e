import type { Provider, Type } from '@nestjs/common';
import { TermQueriesService } from './term-queries.service.js';
import { TermsController } from './terms.controller.js';
import { TermsService } from './terms.service.js';

/** The terms area's controllers and providers, registered in taxonomy.module.ts. */
export const TERMS_CONTROLLERS: Type[] = [TermsController];
export const TERMS_PROVIDERS: Provider[] = [TermsService, TermQueriesService];
