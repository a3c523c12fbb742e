import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnEvent } from '@platform/messaging';
import { Client } from '@temporalio/client';
import {
  LICENCE_RENEWAL_WORKFLOW,
  licenceApproved,
  licenceReinstated,
  licenceRenewalWorkflowId,
  licenceSuspended,
  reinstateLicenceSignal,
  suspendLicenceSignal,
  TaskQueues,
  type EventData,
  type EventEnvelope,
  type LicenceRenewalInput,
  type LicenceStatusSignal,
} from '@platform/contracts';
import { signalIfRunning, startOnce } from '@platform/temporal';
import { PROCESS_SETTINGS, type ProcessSettings } from './process-settings.js';

type SuspensionFact = typeof licenceSuspended | typeof licenceReinstated;

/**
 * WF-2 runs for the life of a licence: its approval starts the renewal process (one per licence,
 * deterministic id). A suspension or reinstatement recorded over the HTTP API is passed on to the
 * process as a signal it only follows (`alreadyRecorded`); the ones the process recorded itself
 * carry its workflow id as correlation id and are not echoed back.
 */
@Controller()
export class LicenceRenewalStarter {
  private readonly logger = new Logger(LicenceRenewalStarter.name);

  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(PROCESS_SETTINGS) private readonly settings: ProcessSettings,
  ) {}

  @OnEvent(licenceApproved)
  async onApproved(
    @Payload() envelope: EventEnvelope<EventData<typeof licenceApproved>>,
  ): Promise<void> {
    const { data } = envelope;
    const input: LicenceRenewalInput = {
      licenceId: data.licenceId,
      providerId: data.providerId,
      periodTo: data.to,
      reminderOffsetsDays: this.settings.licenceReminderOffsetsDays,
      cycle: 1,
    };
    const workflowId = licenceRenewalWorkflowId(data.licenceId);
    const started = await startOnce(this.temporal, LICENCE_RENEWAL_WORKFLOW, {
      workflowId,
      taskQueue: TaskQueues.workflows,
      args: [input],
      memo: { correlationId: envelope.correlationId, causationId: envelope.id },
    });
    this.logger.log(`${workflowId} ${started ? 'started' : 'already running'}`);
  }

  @OnEvent(licenceSuspended)
  onSuspended(
    @Payload() envelope: EventEnvelope<EventData<typeof licenceSuspended>>,
  ): Promise<void> {
    return this.follow(envelope, suspendLicenceSignal, envelope.data.reason);
  }

  @OnEvent(licenceReinstated)
  onReinstated(
    @Payload() envelope: EventEnvelope<EventData<typeof licenceReinstated>>,
  ): Promise<void> {
    return this.follow(envelope, reinstateLicenceSignal, envelope.data.reason);
  }

  private async follow(
    envelope: EventEnvelope<EventData<SuspensionFact>>,
    signal: typeof suspendLicenceSignal,
    reason: string | null,
  ): Promise<void> {
    const workflowId = licenceRenewalWorkflowId(envelope.data.licenceId);
    if (envelope.correlationId === workflowId) return;
    const status: LicenceStatusSignal = {
      requestId: envelope.id,
      reason,
      decidedBy: envelope.actor.userId,
      decidedByRoles: envelope.actor.roles,
      alreadyRecorded: true,
    };
    const running = await signalIfRunning(this.temporal, workflowId, signal, status);
    this.logger.log(
      `${workflowId} ${signal.name} ${running ? 'followed' : 'not followed: no renewal process runs'}`,
    );
  }
}
