import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { assertMayAccessProvider, NotFoundProblem, type Page } from '@platform/http';
import { newAudit } from '../shared/audit.js';
import { findPage } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { ProviderParticipant } from './provider-members.entities.js';
import type { AddParticipantBody, ListParticipantsQuery } from './provider-member.schemas.js';
import { participantView, type ParticipantView } from './provider-member.views.js';
import { findProvider } from '../providers/provider.lookup.js';

/** PRV-8: participants — people outside the provider involved with it (a lawyer, a doctor …). */
@Injectable()
export class ParticipantsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async add(providerId: string, body: AddParticipantBody, actor: Actor): Promise<ParticipantView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findProvider(em, providerId);
      const participant = em.create(ProviderParticipant, {
        id: randomUUID(),
        providerId,
        ...body,
        ...newAudit(actor),
      });
      return participantView(participant);
    });
  }

  async list(
    providerId: string,
    query: ListParticipantsQuery,
    actor: Actor,
  ): Promise<Page<ParticipantView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return findPage(
      em,
      ProviderParticipant,
      { providerId, ...(query.name ? { name: { $ilike: containsPattern(query.name) } } : {}) },
      query,
      { name: 'asc', id: 'asc' },
      participantView,
    );
  }

  async get(providerId: string, participantId: string, actor: Actor): Promise<ParticipantView> {
    assertMayAccessProvider(actor, providerId, 'Participant', participantId);
    const em = this.orm.em.fork();
    await findProvider(em, providerId);
    const participant = await em.findOne(ProviderParticipant, { id: participantId, providerId });
    if (!participant) throw new NotFoundProblem('Participant', participantId);
    return participantView(participant);
  }
}
