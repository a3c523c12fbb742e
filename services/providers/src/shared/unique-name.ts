import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ProblemException } from '@platform/http';

/** 409: another record of the same kind already has this name (compared case-insensitively). */
export class NameTakenProblem extends ProblemException {
  constructor(what: string, name: string) {
    super({
      type: 'https://provider-platform.dev/problems/name-taken',
      title: `${what} name already in use`,
      status: 409,
      detail: `Another ${what.toLowerCase()} is already called "${name}"`,
      errors: [{ field: 'name', message: 'already in use' }],
    });
  }
}

/**
 * Runs a write that may hit a unique index on `lower(name)`. The index, not a prior lookup, is the
 * judge, so two concurrent requests with the same name cannot both succeed.
 */
export async function withUniqueName<T>(
  what: string,
  name: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw new NameTakenProblem(what, name);
    throw error;
  }
}
