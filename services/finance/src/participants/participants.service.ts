import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { CreateParticipantBody, ListParticipantsQuery } from './participant.schemas.js';
import { PARTICIPANT_COLUMNS, type ParticipantView } from './participant.views.js';

async function participantById(em: EntityManager, id: string): Promise<ParticipantView | null> {
  const [row] = await em.execute<ParticipantView[]>(
    `select ${PARTICIPANT_COLUMNS} from participant p where p.participant_id = ?`,
    [id],
  );
  return row ?? null;
}

/** FIN-4 "client and payee registered": clients and nominees finance bills for or pays. */
@Injectable()
export class ParticipantsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async register(body: CreateParticipantBody, actor: Actor): Promise<ParticipantView> {
    const em = this.orm.em.fork();
    const id = randomUUID();
    await em.execute(
      `insert into participant (participant_id, kind, name, date_of_birth, registered_by)
       values (?, ?, ?, ?, ?)`,
      [id, body.kind, body.name, body.dateOfBirth ?? null, actor.userId],
    );
    return (await participantById(em, id)) as ParticipantView;
  }

  async get(id: string): Promise<ParticipantView> {
    const participant = await participantById(this.orm.em.fork(), id);
    if (!participant) throw new NotFoundProblem('Participant', id);
    return participant;
  }

  async list(query: ListParticipantsQuery): Promise<Page<ParticipantView>> {
    const em = this.orm.em.fork();
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.kind) {
      where.push('p.kind = ?');
      params.push(query.kind);
    }
    if (query.name) {
      // "contains", with LIKE's wildcards in the search text taken literally.
      where.push(`lower(p.name) like '%' || lower(?) || '%' escape '\\'`);
      params.push(query.name.replace(/[\\%_]/g, (character) => `\\${character}`));
    }
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const [count] = await em.execute<{ total: string }[]>(
      `select count(*)::text as total from participant p ${filter}`,
      params,
    );
    const items = await em.execute<ParticipantView[]>(
      `select ${PARTICIPANT_COLUMNS} from participant p ${filter}
       order by lower(p.name), p.participant_id limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    return { items, total: Number(count?.total ?? 0), limit: query.limit, offset: query.offset };
  }
}
