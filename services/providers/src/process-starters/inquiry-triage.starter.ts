import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnEvent } from '@platform/messaging';
import { Client } from '@temporalio/client';
import {
  INQUIRY_TRIAGE_WORKFLOW,
  inquiryTriageWorkflowId,
  providerInquiryReceived,
  TaskQueues,
  type EventData,
  type EventEnvelope,
  type InquiryTriageInput,
} from '@platform/contracts';
import { startOnce } from '@platform/temporal';
import { INQUIRY_DECISION_DAYS } from '../tokens.js';

/**
 * Processes are started by facts (ARCHITECTURE rule 4): each received inquiry starts its triage
 * workflow, under an id derived from the inquiry, so a redelivered event cannot start a second one.
 */
@Controller()
export class InquiryTriageStarter {
  private readonly logger = new Logger(InquiryTriageStarter.name);

  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(INQUIRY_DECISION_DAYS) private readonly decisionDays: number,
  ) {}

  @OnEvent(providerInquiryReceived)
  async onInquiryReceived(
    @Payload() envelope: EventEnvelope<EventData<typeof providerInquiryReceived>>,
  ): Promise<void> {
    const input: InquiryTriageInput = {
      inquiryId: envelope.data.inquiryId,
      name: envelope.data.name,
      source: envelope.data.source,
      decisionDays: this.decisionDays,
    };
    const workflowId = inquiryTriageWorkflowId(input.inquiryId);
    const started = await startOnce(this.temporal, INQUIRY_TRIAGE_WORKFLOW, {
      workflowId,
      taskQueue: TaskQueues.workflows,
      args: [input],
      memo: { correlationId: envelope.correlationId, causationId: envelope.id },
    });
    this.logger.log(`${workflowId} ${started ? 'started' : 'already running'}`);
  }
}
