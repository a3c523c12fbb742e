export { startProvidersService } from './providers.service.js';
export { loadProvidersConfig, type ProvidersConfig } from './config.js';
