import type { ParticipantKind } from './participant.schemas.js';

export interface ParticipantView {
  participantId: string;
  kind: ParticipantKind;
  name: string;
  dateOfBirth: string | null;
  registeredAt: string;
  registeredBy: string;
}

export interface CaseClientView {
  participantId: string;
  name: string;
}

export interface CaseView {
  caseId: string;
  reference: string;
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  closedReason: string | null;
  clients: CaseClientView[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** Columns of `participant` as views name them; dates leave Postgres as text (rule 8). */
export const PARTICIPANT_COLUMNS = `
  p.participant_id as "participantId", p.kind, p.name, p.date_of_birth::text as "dateOfBirth",
  to_json(p.registered_at) #>> '{}' as "registeredAt", p.registered_by as "registeredBy"`;

/** Columns of `client_case` with its clients aggregated in the same row (no query per case). */
export const CASE_COLUMNS = `
  c.case_id as "caseId", c.reference, c.status, c.opened_on::text as "openedOn",
  c.closed_on::text as "closedOn", c.closed_reason as "closedReason",
  coalesce((select json_agg(json_build_object('participantId', p.participant_id, 'name', p.name)
                            order by p.name, p.participant_id)
            from case_client cc join participant p on p.participant_id = cc.client_id
            where cc.case_id = c.case_id), '[]') as clients,
  to_json(c.created_at) #>> '{}' as "createdAt", c.created_by as "createdBy",
  to_json(c.updated_at) #>> '{}' as "updatedAt", c.updated_by as "updatedBy"`;
