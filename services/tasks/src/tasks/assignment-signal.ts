import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { taskAssignedSignal, type TaskAssignment } from '@platform/contracts';
import { ProblemException } from '@platform/http';

/**
 * Tells the workflow that owns a task who works on it now (claim, release, reassign, delegate), so
 * its `Assignee` search attribute and memo stay true (ARCHITECTURE rule 7). Called inside the
 * assignment's transaction as its last step: if Temporal cannot be told, the request fails and the
 * change is rolled back, so the process and the task never disagree. A process that has already
 * ended has nobody to tell; that is not an error.
 */
@Injectable()
export class AssignmentNotifier {
  constructor(@Inject(Client) private readonly temporal: Client) {}

  async notify(workflowId: string, assignment: TaskAssignment): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(workflowId).signal(taskAssignedSignal, assignment);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw new ProblemException({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail:
          `The process ${workflowId} could not be told about the new assignment; nothing was ` +
          `changed, try again: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}
