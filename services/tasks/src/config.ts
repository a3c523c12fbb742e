import { z } from 'zod';
import {
  authVars,
  databaseUrlVar,
  DEFAULT_PORTS,
  httpPortVar,
  loadConfig,
  logVars,
  temporalVars,
} from '@platform/config';

export const tasksConfigShape = {
  DATABASE_URL: databaseUrlVar('tasks'),
  PORT: httpPortVar(DEFAULT_PORTS.tasks),
  HOST: z.string().default('127.0.0.1'),
  ...temporalVars,
  ...authVars,
  ...logVars,
};

export type TasksConfig = ReturnType<typeof loadTasksConfig>;

export function loadTasksConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('tasks', tasksConfigShape, env);
}
