import { z } from 'zod';
import { DEFAULT_PORTS, loadConfig, serviceVars } from '@platform/config';

/**
 * Email for task reminders and escalations (WF-1, WF-2). Without `SMTP_URL` the in-app feed is the
 * only channel; `npm start` points it at the local SMTP sink.
 */
export const mailVars = {
  /** `smtp://host:port` or `smtps://user:pass@host:port`; unset: no email, in-app feed only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(1).default('Provider platform <no-reply@agency.example>'),
  /** Addresses are `<userId>@MAIL_DOMAIN` and `<role>@MAIL_DOMAIN` (no user directory yet). */
  MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'a domain name such as agency.example')
    .default('agency.example'),
  /** Base URL of the staff application, for links in notifications; unset: no links. */
  APP_URL: z.url().optional(),
};

export const tasksConfigShape = { ...serviceVars('tasks', DEFAULT_PORTS.tasks), ...mailVars };

export type TasksConfig = ReturnType<typeof loadTasksConfig>;

export function loadTasksConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('tasks', tasksConfigShape, env);
}
