import { runUntilSignal } from '@platform/http';
import { loadFinanceConfig } from './config.js';
import { startFinanceService } from './finance.service-runtime.js';

await runUntilSignal(() => startFinanceService(loadFinanceConfig()));
