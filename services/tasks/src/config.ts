import { DEFAULT_PORTS, loadConfig, serviceVars } from '@platform/config';

export const tasksConfigShape = serviceVars('tasks', DEFAULT_PORTS.tasks);

export type TasksConfig = ReturnType<typeof loadTasksConfig>;

export function loadTasksConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('tasks', tasksConfigShape, env);
}
