export { startTasksService } from './tasks.service-runtime.js';
export { loadTasksConfig, type TasksConfig } from './config.js';
