import type { Provider, Type } from '@nestjs/common';
import { PROJECTION_CONSUMERS } from './projection-consumers.js';

/** The projections area's controllers and providers, registered in taxonomy.module.ts. */
export const PROJECTIONS_CONTROLLERS: Type[] = [...PROJECTION_CONSUMERS];
export const PROJECTIONS_PROVIDERS: Provider[] = [];
