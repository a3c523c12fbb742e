import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, type Page } from '@platform/http';
import type { ListNoticesQuery } from './notice.schemas.js';
import { NOTICE_COLUMNS, type NoticeView } from './notice.views.js';

/** The notices a person was left (PLC-4/PLC-5 updates by someone else): read only by them. */
@Injectable()
export class NoticesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async listOwn(query: ListNoticesQuery, actor: Actor): Promise<Page<NoticeView>> {
    const em = this.orm.em.fork();
    const where = ['n.recipient = ?'];
    const params: unknown[] = [actor.userId];
    if (query.unread !== undefined)
      where.push(query.unread ? 'n.read_at is null' : 'n.read_at is not null');
    const filter = `where ${where.join(' and ')}`;
    const [count] = await em.execute<{ total: string }[]>(
      `select count(*)::text as total from notice n ${filter}`,
      params,
    );
    const items = await em.execute<NoticeView[]>(
      `select ${NOTICE_COLUMNS} from notice n ${filter}
       order by n.created_at desc, n.notice_id limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    return { items, total: Number(count?.total ?? 0), limit: query.limit, offset: query.offset };
  }

  /**
   * Marks the caller's notice read (again: keeps the first reading time). Someone else's notice is
   * a 404, as if it did not exist, so notices do not leak who was told what.
   */
  async markRead(id: string, actor: Actor): Promise<NoticeView> {
    const [row] = await this.orm.em.fork().execute<NoticeView[]>(
      `update notice n set read_at = coalesce(n.read_at, now())
       where n.notice_id = ? and n.recipient = ?
       returning ${NOTICE_COLUMNS}`,
      [id, actor.userId],
    );
    if (!row) throw new NotFoundProblem('Notice', id);
    return row;
  }
}
