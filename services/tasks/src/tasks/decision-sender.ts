import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  decideUpdate,
  DecisionRejection,
  type Actor,
  type TaskDecisionAccepted,
} from '@platform/contracts';
import { ProblemException, RuleViolation, ValidationProblem } from '@platform/http';
import type { DecisionBody } from './task.schemas.js';

/** How each rejection of the workflow's `decide` validator is answered over HTTP. */
export function decisionProblemFor(failure: ApplicationFailure): ProblemException {
  switch (failure.type) {
    case DecisionRejection.roleNotAllowed:
      return new ProblemException({
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: failure.message,
        rule: 'ROLE',
      });
    case DecisionRejection.reasonRequired:
      return new ValidationProblem([{ field: 'reason', message: failure.message }]);
    case DecisionRejection.commentRequired:
      return new ValidationProblem([{ field: 'comment', message: failure.message }]);
    case DecisionRejection.notDecidableNow:
      return new RuleViolation('WF', failure.message, 409);
    case DecisionRejection.invalidOutcome:
      return new ValidationProblem([{ field: 'outcome', message: failure.message }]);
    default:
      return new RuleViolation('WF', failure.message);
  }
}

/**
 * Sends a person's decision to the workflow that owns the task (ARCHITECTURE rule 6). The
 * workflow's validator is the single judge of who may decide what; its rejection comes back here
 * before anything was recorded and is mapped to a 4xx problem.
 */
@Injectable()
export class DecisionSender {
  constructor(@Inject(Client) private readonly temporal: Client) {}

  async send(
    workflowId: string,
    taskId: string,
    body: DecisionBody,
    actor: Actor,
  ): Promise<TaskDecisionAccepted> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).executeUpdate(decideUpdate, {
        args: [
          {
            taskId,
            outcome: body.outcome,
            reason: body.reason ?? null,
            comment: body.comment ?? null,
            decidedBy: { userId: actor.userId, roles: actor.roles },
          },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        throw decisionProblemFor(error.cause);
      }
      if (error instanceof WorkflowNotFoundError) {
        throw new RuleViolation(
          'WF',
          `The process ${workflowId} behind this task is no longer running`,
        );
      }
      throw error;
    }
  }
}
