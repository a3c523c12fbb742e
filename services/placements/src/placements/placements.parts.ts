import type { Provider, Type } from '@nestjs/common';

/** The placements area's controllers and providers, registered in placements.module.ts. */
export const PLACEMENTS_CONTROLLERS: Type[] = [];
export const PLACEMENTS_PROVIDERS: Provider[] = [];
