import type { Provider, Type } from '@nestjs/common';

/** The reservations area's controllers and providers, registered in placements.module.ts. */
export const RESERVATIONS_CONTROLLERS: Type[] = [];
export const RESERVATIONS_PROVIDERS: Provider[] = [];
