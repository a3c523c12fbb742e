import type { Provider, Type } from '@nestjs/common';
import { NoticesController } from './notices.controller.js';
import { NoticesService } from './notices.service.js';

/** The notices area's controllers and providers, registered in placements.module.ts. */
export const NOTICES_CONTROLLERS: Type[] = [NoticesController];
export const NOTICES_PROVIDERS: Provider[] = [NoticesService];
