import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { paymentIssued, type Actor } from '@platform/contracts';
import { NotFoundProblem, RuleViolation, type Page } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import { paymentEventFacts } from './payment-event-facts.js';
import { assertAllIn, lockNamedPayments, lockPayments } from './payment-locks.js';
import { paymentsOfRun } from './payment-reads.js';
import { uuidArray } from '../shared/sql-arrays.js';
import {
  PAYMENT_SYSTEM,
  type PaymentInstruction,
  type PaymentSystemPort,
} from './payment-system.port.js';
import type { CreatePaymentRunBody, ListPaymentRunsQuery } from './payment.schemas.js';
import {
  money,
  type PaymentRow,
  type PaymentRunSummaryView,
  type PaymentRunView,
} from './payment.views.js';

/** The stored file of a run, as `GET /payment-runs/{id}/file` serves it. */
export interface PaymentRunFile {
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

type RunRow = Omit<PaymentRunSummaryView, 'total' | 'fileLink'> & { totalCents: string };

const RUN_SELECT = `
  select payment_run_id as "paymentRunId", reference, adapter, file_name as "fileName",
         media_type as "mediaType", sha256, payment_count as "paymentCount",
         total_cents::text as "totalCents", to_json(created_at) #>> '{}' as "createdAt",
         created_by as "createdBy"
  from payment_run`;

const runSummaryView = ({ totalCents, ...run }: RunRow): PaymentRunSummaryView => ({
  ...run,
  total: money(totalCents),
  fileLink: `/payment-runs/${run.paymentRunId}/file`,
});

/** RUN-<year>-<6 digits>: the sequence read aloud, the year of the run. */
const runReference = (year: string, n: string) => `RUN-${year}-${n.padStart(6, '0')}`;

/**
 * ROLE-1 issue: approved → issued in payment runs. One transaction locks the payments, hands them
 * to the agency's payment system through the port (`PAYMENT_SYSTEM`, the CSV export first),
 * stores exactly what was handed over with its SHA-256, marks the payments issued and records one
 * `payment.issued` each — so a run either happened completely, file and events included, or not.
 */
@Injectable()
export class PaymentRunsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(PAYMENT_SYSTEM) private readonly paymentSystem: PaymentSystemPort,
  ) {}

  async create(
    body: CreatePaymentRunBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<PaymentRunView> {
    const runId = await this.orm.em.fork().transactional(async (em) => {
      const rows = body.paymentIds
        ? await lockNamedPayments(em, body.paymentIds)
        : await lockPayments(em, `p.status = 'approved'`, []);
      if (!rows.length) {
        throw new RuleViolation(
          'ROLE-1',
          'no approved payment to issue: approve payments first',
          409,
        );
      }
      assertAllIn(rows, 'approved', 'issued', 'ROLE-1');
      return this.issue(em, rows, actor, correlationId);
    });
    return this.get(runId);
  }

  private async issue(
    em: EntityManager,
    rows: readonly PaymentRow[],
    actor: Actor,
    correlationId?: string,
  ): Promise<string> {
    const [run] = await em.execute<{ n: string; year: string; date: string }[]>(
      `select nextval('payment_run_number')::text as n,
              to_char(now() at time zone 'UTC', 'YYYY') as year,
              to_char(now() at time zone 'UTC', 'YYYY-MM-DD') as date`,
    );
    if (!run) throw new Error('the database answered no run number');
    const runId = randomUUID();
    const reference = runReference(run.year, run.n);
    const instructions: PaymentInstruction[] = rows.map((row) => ({
      paymentReference: row.reference,
      payeeKind: row.payeeKind,
      payeeId: row.payeeId,
      payeeName: row.payeeName,
      providerId: row.providerId,
      providerName: row.providerName,
      amount: money(row.amountCents),
      invoiceReference: row.invoiceReference,
      runReference: reference,
      date: run.date,
    }));
    const handed = await this.paymentSystem.handOver({
      runReference: reference,
      date: run.date,
      instructions,
    });
    const total = rows.reduce((sum, row) => sum + BigInt(row.amountCents), 0n);
    await em.execute(
      `insert into payment_run (payment_run_id, reference, adapter, file_name, media_type, content,
                                sha256, payment_count, total_cents, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        runId,
        reference,
        this.paymentSystem.adapterName,
        handed.fileName,
        handed.mediaType,
        handed.content,
        createHash('sha256').update(handed.content).digest('hex'),
        rows.length,
        total.toString(),
        actor.userId,
      ],
    );
    await em.execute(
      `update payment set status = 'issued', issued_by = ?, issued_at = now(), payment_run_id = ?
       where payment_id = any(?::uuid[])`,
      [actor.userId, runId, uuidArray(rows.map((row) => row.paymentId))],
    );
    for (const row of rows) {
      recordEvent(em, paymentIssued, {
        aggregateId: row.paymentId,
        actor,
        ...(correlationId ? { correlationId } : {}),
        data: {
          ...paymentEventFacts(row),
          paymentRunId: runId,
          paymentRunReference: reference,
          issuedBy: actor.userId,
        },
      });
    }
    return runId;
  }

  list(query: ListPaymentRunsQuery): Promise<Page<PaymentRunSummaryView>> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      const [count] = await em.execute<{ total: string }[]>(
        'select count(*)::text as total from payment_run',
      );
      const rows = await em.execute<RunRow[]>(
        `${RUN_SELECT} order by created_at desc, reference desc limit ? offset ?`,
        [query.limit, query.offset],
      );
      return {
        items: rows.map(runSummaryView),
        total: Number(count?.total ?? 0),
        limit: query.limit,
        offset: query.offset,
      };
    });
  }

  get(paymentRunId: string): Promise<PaymentRunView> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      const [row] = await em.execute<RunRow[]>(`${RUN_SELECT} where payment_run_id = ?`, [
        paymentRunId,
      ]);
      if (!row) throw new NotFoundProblem('Payment run', paymentRunId);
      return { ...runSummaryView(row), payments: await paymentsOfRun(em, paymentRunId) };
    });
  }

  async file(paymentRunId: string): Promise<PaymentRunFile> {
    const [row] = await this.orm.em
      .fork()
      .execute<{ fileName: string; mediaType: string; sha256: string; content: Buffer }[]>(
        `select file_name as "fileName", media_type as "mediaType", sha256, content
         from payment_run where payment_run_id = ?`,
        [paymentRunId],
      );
    if (!row) throw new NotFoundProblem('Payment run', paymentRunId);
    return { ...row, content: Buffer.from(row.content) };
  }
}
