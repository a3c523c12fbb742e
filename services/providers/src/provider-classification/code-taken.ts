import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ProblemException } from '@platform/http';

/** 409: a registry entry (PRV-3 category, type, specialty) with this code already exists. */
export class CodeTakenProblem extends ProblemException {
  constructor(what: string, code: string, field = 'code') {
    super({
      type: 'https://provider-platform.dev/problems/code-taken',
      title: `${what} code already in use`,
      status: 409,
      detail: `There is already a ${what.toLowerCase()} with code "${code}"`,
      errors: [{ field, message: 'already in use' }],
    });
  }
}

/**
 * Runs a write that may hit a primary key or unique index on a code. The database, not a prior
 * lookup, is the judge, so two concurrent requests with the same code cannot both succeed.
 */
export async function withUniqueCode<T>(
  what: string,
  code: string,
  write: () => Promise<T>,
  field = 'code',
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new CodeTakenProblem(what, code, field);
    }
    throw error;
  }
}
