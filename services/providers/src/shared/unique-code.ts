import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ProblemException } from '@platform/http';

export interface CodeTakenOptions {
  /** The request field holding the code; `code` unless told. */
  field?: string;
  /** What the 409 says, where a registry words it its own way (e.g. citing its rule). */
  detail?: string;
}

/** 409: a registry entry (category, type, specialty, course, licence type …) has this code already. */
export class CodeTakenProblem extends ProblemException {
  constructor(what: string, code: string, options: CodeTakenOptions = {}) {
    super({
      type: 'https://provider-platform.dev/problems/code-taken',
      title: `${what} code already in use`,
      status: 409,
      detail: options.detail ?? `There is already a ${what.toLowerCase()} with code "${code}"`,
      errors: [{ field: options.field ?? 'code', message: 'already in use' }],
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
  options: CodeTakenOptions = {},
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new CodeTakenProblem(what, code, options);
    }
    throw error;
  }
}
