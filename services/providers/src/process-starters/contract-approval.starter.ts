import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { MikroORM } from '@mikro-orm/postgresql';
import { OnEvent } from '@platform/messaging';
import {
  contractApprovalWorkflowId,
  contractIssued,
  type EventData,
  type EventEnvelope,
} from '@platform/contracts';
import { CONTRACT_PROCESS, type ContractProcess } from '../contracts/contract-process.port.js';
import { contractApprovalInput } from '../contracts/contract-process-input.js';
import { ContractProcessSteps } from '../contracts/contract-process-steps.js';
import { PROCESS_SETTINGS, type ProcessSettings } from './process-settings.js';

/**
 * WF-3 is started by the issue command right after its commit. This follows `contract.issued` as
 * well, so a process that could not be started then (Temporal briefly down) is started from the
 * event — and a redelivered event finds it running, or finished and not started again.
 */
@Controller()
export class ContractApprovalStarter {
  private readonly logger = new Logger(ContractApprovalStarter.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(CONTRACT_PROCESS) private readonly process: ContractProcess,
    @Inject(PROCESS_SETTINGS) private readonly settings: ProcessSettings,
  ) {}

  @OnEvent(contractIssued)
  async onIssued(
    @Payload() envelope: EventEnvelope<EventData<typeof contractIssued>>,
  ): Promise<void> {
    const workflowId = contractApprovalWorkflowId(envelope.data.contractId);
    const contract = await new ContractProcessSteps(this.orm).getContractForProcess(
      envelope.data.contractId,
    );
    if (contract.status !== 'issued' || contract.document === null) {
      this.logger.log(`${workflowId} not started: the contract is ${contract.status}`);
      return;
    }
    await this.process.start(
      contractApprovalInput(
        { ...contract, periodTo: contract.period.to, document: contract.document },
        this.settings.contract,
      ),
    );
  }
}
