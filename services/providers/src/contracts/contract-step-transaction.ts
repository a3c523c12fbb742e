import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { ProblemException } from '@platform/http';
import { businessRejection } from '@platform/temporal';

/**
 * A refusal by the contract rules the HTTP API shares (a ProblemException naming its rule) cannot
 * be fixed by retrying: WF-3 gets it as a non-retryable failure whose message names the rule first
 * ("CTR-3: …"), which the HTTP adapter shows again (ARCHITECTURE rule 5).
 */
function asBusinessRejection(error: unknown): unknown {
  if (error instanceof ApplicationFailure || !(error instanceof ProblemException)) return error;
  const { rule, status, detail, title, errors } = error.problem;
  if (status === 400) {
    const fields = (errors ?? []).map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    return businessRejection('ValidationFailed', fields || detail || title);
  }
  const message = detail ?? title;
  return ApplicationFailure.create({
    type: rule ?? (status === 404 ? 'ContractNotFound' : 'ContractRefused'),
    message: rule && !message.startsWith(`${rule}:`) ? `${rule}: ${message}` : message,
    nonRetryable: true,
    // The HTTP adapter answers with the same status and field errors the rule gives directly.
    details: [{ status, errors: errors ?? [] } satisfies RefusalDetails],
  });
}

/** What a rule refusal carries through the process back to the HTTP adapter. */
export interface RefusalDetails {
  status: number;
  errors: { field: string; message: string }[];
}

/**
 * One step of WF-3 as one transaction. A unique index that catches a concurrent twin of the step
 * (the same signature or request id written by a parallel attempt) makes it run once more, and the
 * second run finds what the first one wrote — so a step is recorded once however often retried.
 */
export async function contractStep<T>(
  orm: MikroORM,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await orm.em.fork().transactional(work);
    } catch (error) {
      if (attempt === 1 && error instanceof UniqueConstraintViolationException) continue;
      throw asBusinessRejection(error);
    }
  }
}
