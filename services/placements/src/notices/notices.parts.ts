import type { Provider, Type } from '@nestjs/common';

/** The notices area's controllers and providers, registered in placements.module.ts. */
export const NOTICES_CONTROLLERS: Type[] = [];
export const NOTICES_PROVIDERS: Provider[] = [];
