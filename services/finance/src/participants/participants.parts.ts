import type { Provider, Type } from '@nestjs/common';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';

/** Clients, nominees and cases (FIN-4 registered parties, valid case): what FinanceModule registers. */
export const PARTICIPANTS_CONTROLLERS: Type[] = [ParticipantsController, CasesController];
export const PARTICIPANTS_PROVIDERS: Provider[] = [ParticipantsService, CasesService];
