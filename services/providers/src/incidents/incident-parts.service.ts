import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { newAudit } from '../shared/audit.js';
import {
  IncidentInjury,
  IncidentParticipant,
  IncidentRestraint,
  IncidentStaffAction,
  type IncidentRecord,
} from './incident.entities.js';
import {
  assertGroupAffiliation,
  assertIncidentAllows,
  findIncident,
  participantsOf,
  partsOf,
} from './incident.lookup.js';
import {
  duplicateParticipant,
  injuryIssues,
  participantRemoval,
  restraintIssues,
  staffActionIssues,
  type ParticipantFacts,
} from './incident-rules.js';
import type {
  AddInjuryBody,
  AddRestraintBody,
  AddStaffActionBody,
  ParticipantInput,
} from './incident.schemas.js';
import {
  factsOf,
  injuryView,
  participantView,
  restraintView,
  staffActionView,
  type InjuryView,
  type ParticipantView,
  type RestraintView,
  type StaffActionView,
} from './incident.views.js';
import {
  createParticipant,
  enteredFacts,
  identityField,
  resolveParticipant,
} from './incidents.service.js';
import { ruleViolation, throwIfRuleViolated } from '../shared/rule-issues.js';

/**
 * INC-1: participants, injuries, restraints and staff actions of an open incident (INC-2: a
 * closed one is not changed). Each change locks the incident, so the checks see every other part.
 */
@Injectable()
export class IncidentPartsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * INC-1: adds a participant in a role (409 if already there in that role). INC-3: a provider
   * joining a group-reported incident must have been affiliated with the group that day.
   */
  async addParticipant(
    incidentId: string,
    body: ParticipantInput,
    actor: Actor,
  ): Promise<ParticipantView> {
    return this.change(incidentId, async (em, incident, participants) => {
      if (duplicateParticipant(participants, enteredFacts(body))) {
        throw ruleViolation(
          [
            {
              rule: 'INC-1',
              field: identityField(body),
              message: `already a participant of this incident as ${body.role}`,
            },
          ],
          409,
        );
      }
      const facts = await resolveParticipant(em, body, '');
      if (facts.kind === 'provider' && incident.reportedByGroupId) {
        await assertGroupAffiliation(
          em,
          incident.reportedByGroupId,
          incident.occurredOn as CalendarDate,
          [facts.providerId as string],
        );
      }
      // the incident is locked, so no other participant takes this position meanwhile
      const position = Math.max(-1, ...participants.map((p) => p.position)) + 1;
      return participantView(createParticipant(em, incidentId, position, facts, actor));
    });
  }

  /**
   * INC-1: removes a participant, unless an injury, restraint or staff action names them (409)
   * or the incident would lose its provider or its last member or client (422).
   */
  async removeParticipant(incidentId: string, participantId: string): Promise<void> {
    await this.change(incidentId, async (em, incident, participants) => {
      const participant = participants.find((candidate) => candidate.id === participantId);
      if (!participant) throw new NotFoundProblem('Incident participant', participantId);
      const parts = await partsOf(em, incidentId);
      const removal = participantRemoval(incident.providerId, participants, participantId, {
        injuries: parts.injuries.map((injury) => ({
          victimParticipantId: injury.victimParticipantId,
          responsibleParticipantId: injury.responsibleParticipantId ?? null,
        })),
        restraints: parts.restraints,
        staffActions: parts.staffActions,
      });
      if (!removal.ok) throw ruleViolation([removal.issue], removal.status);
      em.remove(em.getReference(IncidentParticipant, participantId));
    });
  }

  /** INC-1: an injury of a victim participant, its cause, who was responsible and what was done. */
  async addInjury(incidentId: string, body: AddInjuryBody, actor: Actor): Promise<InjuryView> {
    return this.change(incidentId, async (em, _incident, participants) => {
      throwIfRuleViolated(injuryIssues(participants, body));
      return injuryView(
        em.create(IncidentInjury, {
          id: randomUUID(),
          incidentId,
          ...body,
          ...newAudit(actor),
        }),
      );
    });
  }

  async removeInjury(incidentId: string, injuryId: string): Promise<void> {
    await this.removePart(incidentId, 'Injury', injuryId, (em) =>
      em.findOne(IncidentInjury, { id: injuryId, incidentId }),
    );
  }

  /** INC-1: a physical, mechanical or chemical restraint a member applied, and for how long. */
  async addRestraint(
    incidentId: string,
    body: AddRestraintBody,
    actor: Actor,
  ): Promise<RestraintView> {
    return this.change(incidentId, async (em, _incident, participants) => {
      throwIfRuleViolated(restraintIssues(participants, body));
      return restraintView(
        em.create(IncidentRestraint, {
          id: randomUUID(),
          incidentId,
          ...body,
          startedAt: new Date(body.startedAt),
          ...newAudit(actor),
        }),
      );
    });
  }

  async removeRestraint(incidentId: string, restraintId: string): Promise<void> {
    await this.removePart(incidentId, 'Restraint', restraintId, (em) =>
      em.findOne(IncidentRestraint, { id: restraintId, incidentId }),
    );
  }

  /** INC-1: an action taken against a member participant, on or after the incident. */
  async addStaffAction(
    incidentId: string,
    body: AddStaffActionBody,
    actor: Actor,
  ): Promise<StaffActionView> {
    return this.change(incidentId, async (em, incident, participants) => {
      throwIfRuleViolated(staffActionIssues(participants, body));
      if (body.takenOn < incident.occurredOn) {
        throw ruleViolation([
          {
            rule: 'INC-1',
            field: 'takenOn',
            message: `a staff action follows the incident (occurred ${incident.occurredOn})`,
          },
        ]);
      }
      return staffActionView(
        em.create(IncidentStaffAction, {
          id: randomUUID(),
          incidentId,
          ...body,
          ...newAudit(actor),
        }),
      );
    });
  }

  async removeStaffAction(incidentId: string, staffActionId: string): Promise<void> {
    await this.removePart(incidentId, 'Staff action', staffActionId, (em) =>
      em.findOne(IncidentStaffAction, { id: staffActionId, incidentId }),
    );
  }

  /** Locks the open incident (404; 409 INC-2 when closed) and runs the change in one transaction. */
  private change<T>(
    incidentId: string,
    work: (
      em: EntityManager,
      incident: IncidentRecord,
      participants: (ParticipantFacts & { position: number })[],
    ) => Promise<T>,
  ): Promise<T> {
    return this.orm.em.fork().transactional(async (em) => {
      const incident = await findIncident(em, incidentId, { forUpdate: true });
      assertIncidentAllows(incident, 'edit');
      const participants = await participantsOf(em, incidentId);
      return work(
        em,
        incident,
        participants.map((participant) => ({
          ...factsOf(participant),
          position: participant.position,
        })),
      );
    });
  }

  private async removePart(
    incidentId: string,
    what: string,
    id: string,
    find: (em: EntityManager) => Promise<object | null>,
  ): Promise<void> {
    await this.change(incidentId, async (em) => {
      const part = await find(em);
      if (!part) throw new NotFoundProblem(what, id);
      em.remove(part);
    });
  }
}
