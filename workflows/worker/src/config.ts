import { loadConfig, logVars, temporalVars } from '@platform/config';

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('workflows-worker', { ...temporalVars, ...logVars }, env);
}
