import { runUntilSignal } from '@platform/http';
import { loadTaxonomyConfig } from './config.js';
import { startTaxonomyService } from './taxonomy.service-runtime.js';

await runUntilSignal(() => startTaxonomyService(loadTaxonomyConfig()));
