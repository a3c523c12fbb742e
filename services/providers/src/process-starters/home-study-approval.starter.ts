import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnEvent } from '@platform/messaging';
import { Client } from '@temporalio/client';
import {
  HOME_STUDY_APPROVAL_WORKFLOW,
  homeStudyApprovalWorkflowId,
  homeStudyDecided,
  homeStudyDecidedElsewhereSignal,
  homeStudySubmitted,
  homeStudySubmittedSignal,
  TaskQueues,
  type EventData,
  type EventEnvelope,
  type HomeStudyApprovalInput,
  type HomeStudyDecidedElsewhere,
  type HomeStudySubmission,
} from '@platform/contracts';
import { signalIfRunning, signalWithStartOnce } from '@platform/temporal';
import { PROCESS_SETTINGS, type ProcessSettings } from './process-settings.js';

/** The decision a `home-study.decided` status stands for. */
const DECISION_OF_STATUS = { approved: 'approve', rejected: 'reject', returned: 'return' } as const;

/**
 * WF-1 is started — and, after each return, continued — by the `home-study.submitted` fact: the
 * submission is signalled to the home study's approval process, which is started with it when it
 * does not run yet. The process ignores a submission number it has seen, so a redelivered event
 * changes nothing; a finished process is not started again. A decision recorded outside the process
 * (the home study's own decision endpoint) is passed on, so the process closes its task and follows.
 */
@Controller()
export class HomeStudyApprovalStarter {
  private readonly logger = new Logger(HomeStudyApprovalStarter.name);

  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(PROCESS_SETTINGS) private readonly settings: ProcessSettings,
  ) {}

  @OnEvent(homeStudySubmitted)
  async onSubmitted(
    @Payload() envelope: EventEnvelope<EventData<typeof homeStudySubmitted>>,
  ): Promise<void> {
    const { data } = envelope;
    const input: HomeStudyApprovalInput = {
      homeStudyId: data.homeStudyId,
      providerId: data.providerId,
      ...this.settings.homeStudy,
    };
    const submission: HomeStudySubmission = {
      submission: data.submission,
      recommendation: data.recommendation,
      recommendationText: data.recommendationText,
      submittedBy: data.submittedBy,
    };
    const workflowId = homeStudyApprovalWorkflowId(data.homeStudyId);
    const delivered = await signalWithStartOnce(this.temporal, HOME_STUDY_APPROVAL_WORKFLOW, {
      workflowId,
      taskQueue: TaskQueues.workflows,
      args: [input],
      signal: homeStudySubmittedSignal,
      signalArgs: [submission],
      memo: { correlationId: envelope.correlationId, causationId: envelope.id },
    });
    this.logger.log(
      `${workflowId} submission ${data.submission} ${delivered ? 'delivered' : 'ignored: the process has finished'}`,
    );
  }

  @OnEvent(homeStudyDecided)
  async onDecided(
    @Payload() envelope: EventEnvelope<EventData<typeof homeStudyDecided>>,
  ): Promise<void> {
    const { data } = envelope;
    const workflowId = homeStudyApprovalWorkflowId(data.homeStudyId);
    // The process's own decisions carry its id as correlation id: nothing to pass back.
    if (envelope.correlationId === workflowId) return;
    const recorded: HomeStudyDecidedElsewhere = {
      homeStudyId: data.homeStudyId,
      providerId: data.providerId,
      decisionId: data.decisionId,
      outcome: DECISION_OF_STATUS[data.outcome],
      status: data.outcome,
      reason: data.reason,
      decidedBy: data.decidedBy,
      decidedOn: data.decidedOn,
      reStudyDueOn: data.reStudyDueOn,
      submission: data.submission,
    };
    const running = await signalIfRunning(
      this.temporal,
      workflowId,
      homeStudyDecidedElsewhereSignal,
      recorded,
    );
    this.logger.log(
      `${workflowId} decision ${data.outcome} ${running ? 'followed' : 'not followed: no approval process runs'}`,
    );
  }
}
