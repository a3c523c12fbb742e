import { runUntilSignal } from '@platform/http';
import { loadProvidersConfig } from './config.js';
import { startProvidersService } from './providers.service-runtime.js';

await runUntilSignal(() => startProvidersService(loadProvidersConfig()));
