import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${service}: invalid configuration — fix these environment variables and start again:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once at start-up and returns a typed, frozen object. Fails fast with
 * every problem listed, so a misconfigured service never half-starts.
 */
export function loadConfig<TShape extends z.ZodRawShape>(
  service: string,
  shape: TShape,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<z.infer<z.ZodObject<TShape>>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze(result.data);
}
