import type { Provider, Type } from '@nestjs/common';

/** The allocation area's controllers and providers, registered in placements.module.ts. */
export const ALLOCATION_CONTROLLERS: Type[] = [];
export const ALLOCATION_PROVIDERS: Provider[] = [];
