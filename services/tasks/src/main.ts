import { runUntilSignal } from '@platform/http';
import { loadTasksConfig } from './config.js';
import { startTasksService } from './tasks.service-runtime.js';

await runUntilSignal(() => startTasksService(loadTasksConfig()));
