import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, refuse, type Page } from '@platform/http';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import type { CreateAssignmentBody, ListAssignmentsQuery } from './assignment.schemas.js';
import type { AssignmentView } from './facility.views.js';
import { isoTime } from './facility-records.js';

const COLUMNS = `a.user_id as "userId", a.provider_id as "providerId",
  a.assigned_by as "assignedBy", ${isoTime('a.assigned_at')} as "assignedAt"`;

async function assignment(
  em: EntityManager,
  userId: string,
  providerId: string,
): Promise<AssignmentView | null> {
  const [row] = await em.execute<AssignmentView[]>(
    `select ${COLUMNS} from facility_manager_assignment a where a.user_id = ? and a.provider_id = ?`,
    [userId, providerId],
  );
  return row ?? null;
}

/** ROLE: assignments by user and provider, with the total. */
async function listAssignments(
  em: EntityManager,
  query: ListAssignmentsQuery,
): Promise<Page<AssignmentView>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.userId) {
    where.push('a.user_id = ?');
    params.push(query.userId);
  }
  if (query.providerId) {
    where.push('a.provider_id = ?');
    params.push(query.providerId);
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await em.execute<{ total: number }[]>(
    `select count(*)::int as total from facility_manager_assignment a ${filter}`,
    params,
  );
  const items = await em.execute<AssignmentView[]>(
    `select ${COLUMNS} from facility_manager_assignment a ${filter}
      order by a.user_id, a.provider_id limit ? offset ?`,
    [...params, query.limit, query.offset],
  );
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}

/**
 * ROLE: which providers a facility manager manages (assertMayManageProvider reads these). A
 * resource manager assigns and unassigns; the provider must be known to this service (422).
 */
@Injectable()
export class AssignmentsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(body: CreateAssignmentBody, actor: Actor): Promise<AssignmentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const [known] = await em.execute<{ known: boolean }[]>(
        'select exists (select 1 from provider_status where provider_id = ?) as known',
        [body.providerId],
      );
      if (!known?.known) {
        refuse({
          rule: 'ROLE',
          field: 'providerId',
          message: `provider ${body.providerId} is not known to the placements service`,
        });
      }
      const inserted = await em.execute<{ userId: string }[]>(
        `insert into facility_manager_assignment (user_id, provider_id, assigned_by)
         values (?, ?, ?) on conflict do nothing returning user_id as "userId"`,
        [body.userId, body.providerId, actor.userId],
      );
      if (inserted.length === 0) {
        refuse(
          {
            rule: 'ROLE',
            field: 'userId',
            message: `${body.userId} is already assigned to the provider`,
          },
          409,
        );
      }
      const view = await assignment(em, body.userId, body.providerId);
      if (!view) throw new Error('assignment vanished in its own transaction');
      return view;
    });
  }

  list(query: ListAssignmentsQuery): Promise<Page<AssignmentView>> {
    return inOneSnapshot(this.orm.em.fork(), (em) => listAssignments(em, query));
  }
  /** ROLE: ends the assignment; 404 when there is none. */
  async remove(userId: string, providerId: string): Promise<void> {
    const deleted = await this.orm.em.fork().execute<{ userId: string }[]>(
      `delete from facility_manager_assignment where user_id = ? and provider_id = ?
         returning user_id as "userId"`,
      [userId, providerId],
    );
    if (deleted.length === 0) {
      throw new NotFoundProblem('Facility manager assignment', `${userId}/${providerId}`);
    }
  }
}
