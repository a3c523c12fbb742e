import type { Provider, Type } from '@nestjs/common';
import { HsdsExportController } from './hsds-export.controller.js';
import { HsdsExportService } from './hsds-export.service.js';

/** The export area's controllers and providers, registered in taxonomy.module.ts. */
export const EXPORT_CONTROLLERS: Type[] = [HsdsExportController];
export const EXPORT_PROVIDERS: Provider[] = [HsdsExportService];
