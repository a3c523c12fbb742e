import { DEFAULT_PORTS, kafkaVars, loadConfig, serviceVars } from '@platform/config';

export const financeConfigShape = {
  ...serviceVars('finance', DEFAULT_PORTS.finance),
  ...kafkaVars,
};

export type FinanceConfig = ReturnType<typeof loadFinanceConfig>;

export function loadFinanceConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('finance', financeConfigShape, env);
}
