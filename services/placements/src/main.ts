import { runUntilSignal } from '@platform/http';
import { loadPlacementsConfig } from './config.js';
import { startPlacementsService } from './placements.service-runtime.js';

await runUntilSignal(() => startPlacementsService(loadPlacementsConfig()));
