import type { Provider, Type } from '@nestjs/common';

/** The facilities area's controllers and providers, registered in placements.module.ts. */
export const FACILITIES_CONTROLLERS: Type[] = [];
export const FACILITIES_PROVIDERS: Provider[] = [];
