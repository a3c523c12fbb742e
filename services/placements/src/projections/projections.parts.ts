import type { Provider, Type } from '@nestjs/common';

/** The projections area's controllers and providers, registered in placements.module.ts. */
export const PROJECTIONS_CONTROLLERS: Type[] = [];
export const PROJECTIONS_PROVIDERS: Provider[] = [];
