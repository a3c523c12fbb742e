import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, type Page } from '@platform/http';
import { findPageBySql } from '@platform/persistence';
import {
  FeedNotification,
  NotificationRead,
  type NotificationKind,
} from './notification.entity.js';
import type { MyNotificationsQuery } from './notification.schemas.js';

/** A feed entry as its reader sees it: `read` is the caller's own read state. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  subjectType: string;
  subjectId: string;
  taskId: string | null;
  /** Addressed to the caller in person, or to one of their roles. */
  recipient: { userId: string } | { role: string };
  createdAt: Date;
  read: boolean;
  readAt: Date | null;
}

/** The SQL condition "addressed to the caller" on `notification n`, with its parameters. */
function addressedTo(actor: Pick<Actor, 'userId' | 'roles'>): { sql: string; params: unknown[] } {
  return {
    sql:
      '(n.recipient_user = ? or ' +
      'n.recipient_role in (select jsonb_array_elements_text(cast(? as jsonb))))',
    params: [actor.userId, JSON.stringify(actor.roles)],
  };
}

/** The in-app feed: notifications for a user or their roles, each read per user. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** The caller's notifications, newest first. */
  mine(actor: Actor, query: MyNotificationsQuery): Promise<Page<NotificationView>> {
    const addressed = addressedTo(actor);
    const conditions = [addressed.sql];
    const params: unknown[] = [actor.userId, ...addressed.params];
    if (query.unread === true) conditions.push('r.notification_id is null');
    if (query.unread === false) conditions.push('r.notification_id is not null');
    if (query.kind) {
      conditions.push('n.kind = ?');
      params.push(query.kind);
    }
    if (query.taskId) {
      conditions.push('n.task_id = ?');
      params.push(query.taskId);
    }
    return findPageBySql(
      this.orm.em.fork(),
      {
        from:
          'notification n left join notification_read r ' +
          'on r.notification_id = n.id and r.user_id = ?',
        conditions,
        params,
        id: 'n.id',
        orderBy: 'n.created_at desc, n.id desc',
      },
      query,
      (ids, em) => this.views(em, ids, actor.userId),
    );
  }

  /** Marks one of the caller's notifications read (again: no change); others' are not found. */
  async markRead(id: string, actor: Actor): Promise<NotificationView> {
    const em = this.orm.em.fork();
    const addressed = addressedTo(actor);
    const found = (await em.execute(
      `select n.id from notification n where n.id = ? and ${addressed.sql}`,
      [id, ...addressed.params],
    )) as { id: string }[];
    if (found.length === 0) throw new NotFoundProblem('Notification', id);
    await em.execute(
      `insert into notification_read (notification_id, user_id) values (?, ?)
       on conflict do nothing`,
      [id, actor.userId],
    );
    const [view] = await this.views(em, [id], actor.userId);
    return view as NotificationView;
  }

  /** Marks every notification of the caller read; answers how many were unread. */
  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const addressed = addressedTo(actor);
    const marked = (await this.orm.em.fork().execute(
      `insert into notification_read (notification_id, user_id)
       select n.id, ? from notification n where ${addressed.sql}
       on conflict do nothing returning notification_id`,
      [actor.userId, ...addressed.params],
    )) as unknown[];
    return { marked: marked.length };
  }

  private async views(em: EntityManager, ids: string[], userId: string) {
    if (ids.length === 0) return [];
    const notifications = await em.find(FeedNotification, { id: { $in: ids } });
    const reads = await em.find(NotificationRead, { notificationId: { $in: ids }, userId });
    const byId = new Map(notifications.map((n) => [n.id, n]));
    const readAt = new Map(reads.map((r) => [r.notificationId, r.readAt]));
    return ids.flatMap((id): NotificationView[] => {
      const n = byId.get(id);
      if (!n) return [];
      const read = readAt.get(id) ?? null;
      return [
        {
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          subjectType: n.subjectType,
          subjectId: n.subjectId,
          taskId: n.taskId ?? null,
          recipient: n.recipientRole
            ? { role: n.recipientRole }
            : { userId: n.recipientUser ?? '' },
          createdAt: n.createdAt,
          read: read !== null,
          readAt: read,
        },
      ];
    });
  }
}
