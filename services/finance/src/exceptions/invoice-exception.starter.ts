import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import {
  INVOICE_EXCEPTION_WORKFLOW,
  invoiceExceptionWorkflowId,
  invoiceLineFailed,
  SearchAttributes,
  TaskQueues,
  WorkQueues,
  type EventData,
  type EventEnvelope,
} from '@platform/contracts';
import { OnEvent } from '@platform/messaging';
import { startOnce } from '@platform/temporal';
import type { FinanceConfig } from '../config.js';
import { FINANCE_CONFIG } from '../finance-config.token.js';
import { invoiceExceptionInput } from './invoice-exception-input.js';

/**
 * FIN-6 / WF-4: every line item that fails processing gets its invoice exception process, started
 * from `invoice-line.failed` (ARCHITECTURE rule 4: processes are started by facts) under an id
 * derived from the line item, so a redelivered event cannot start a second one, and a process
 * that already ended is not started again.
 */
@Controller()
export class InvoiceExceptionStarter {
  private readonly logger = new Logger(InvoiceExceptionStarter.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(Client) private readonly temporal: Client,
    @Inject(FINANCE_CONFIG) private readonly config: FinanceConfig,
  ) {}

  @OnEvent(invoiceLineFailed)
  async onLineFailed(
    @Payload() envelope: EventEnvelope<EventData<typeof invoiceLineFailed>>,
  ): Promise<void> {
    const { data } = envelope;
    const workflowId = invoiceExceptionWorkflowId(data.lineItemId);
    const [line] = await this.orm.em
      .fork()
      .execute<{ status: string }[]>(
        'select status from invoice_line_item where line_item_id = ?',
        [data.lineItemId],
      );
    if (line?.status !== 'exception') {
      this.logger.log(`${workflowId} not started: the line item is ${line?.status ?? 'unknown'}`);
      return;
    }
    const started = await startOnce(this.temporal, INVOICE_EXCEPTION_WORKFLOW, {
      workflowId,
      taskQueue: TaskQueues.workflows,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [invoiceExceptionInput(data, this.config)],
      typedSearchAttributes: [
        { key: SearchAttributes.providerId, value: data.providerId },
        { key: SearchAttributes.invoiceId, value: data.invoiceId },
        { key: SearchAttributes.businessStatus, value: 'awaiting-resolution' },
        { key: SearchAttributes.workQueue, value: WorkQueues.financeExceptions },
      ],
      memo: { correlationId: envelope.correlationId, causationId: envelope.id },
    });
    this.logger.log(`${workflowId} ${started ? 'started' : 'already started'}`);
  }
}
