import type { Provider, Type } from '@nestjs/common';
import { AuthorizationsController } from './authorizations.controller.js';
import { AuthorizationsService } from './authorizations.service.js';

/** Service authorizations (FIN-1, FIN-2): what FinanceModule registers. */
export const AUTHORIZATIONS_CONTROLLERS: Type[] = [AuthorizationsController];
export const AUTHORIZATIONS_PROVIDERS: Provider[] = [AuthorizationsService];
