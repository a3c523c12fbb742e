import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem } from '@platform/http';
import { WorkQueue, type WorkQueueRecord } from './work-queue.entity.js';

export interface QueueView {
  code: string;
  name: string;
  description: string;
  memberRoles: string[];
  supervisorRoles: string[];
  /** Open tasks of the queue, and how many of them are unassigned / past their due date. */
  open: number;
  unassigned: number;
  overdue: number;
}

@Injectable()
export class QueuesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async get(code: string): Promise<WorkQueueRecord> {
    const queue = await this.orm.em.fork().findOne(WorkQueue, { code });
    if (!queue) throw new NotFoundProblem('Work queue', code);
    return queue;
  }

  /** Every queue with its open-task counts. */
  async list(): Promise<QueueView[]> {
    return this.views(() => true);
  }

  /** The queues whose member roles the caller holds ("my queues"). */
  async mine(actor: Actor): Promise<QueueView[]> {
    return this.views((queue) => queue.memberRoles.some((role) => actor.roles.includes(role)));
  }

  private async views(keep: (queue: WorkQueueRecord) => boolean): Promise<QueueView[]> {
    const em = this.orm.em.fork();
    const queues = (await em.find(WorkQueue, {}, { orderBy: { code: 'asc' } })).filter(keep);
    const counts = (await em.execute(
      `select queue,
              count(*)::int as open,
              count(*) filter (where assignee is null)::int as unassigned,
              count(*) filter (where due_at < now())::int as overdue
         from task where status = 'open' group by queue`,
    )) as { queue: string; open: number; unassigned: number; overdue: number }[];
    const byQueue = new Map(counts.map((row) => [row.queue, row]));
    return queues.map((queue) => {
      const count = byQueue.get(queue.code);
      return {
        code: queue.code,
        name: queue.name,
        description: queue.description,
        memberRoles: queue.memberRoles,
        supervisorRoles: queue.supervisorRoles,
        open: count?.open ?? 0,
        unassigned: count?.unassigned ?? 0,
        overdue: count?.overdue ?? 0,
      };
    });
  }
}
