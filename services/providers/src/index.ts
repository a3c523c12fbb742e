export { startProvidersService } from './providers.service-runtime.js';
export { loadProvidersConfig, type ProvidersConfig } from './config.js';
