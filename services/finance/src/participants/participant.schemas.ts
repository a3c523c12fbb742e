import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { calendarDateInput, distinctIds, textInput, uuidInput } from '../shared/request-inputs.js';

export const PARTICIPANT_KINDS = ['client', 'nominee'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** FIN-4 "client and payee registered": a client services are billed for, or a nominee paid. */
export const createParticipantBody = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    name: textInput(200),
    dateOfBirth: calendarDateInput.nullable().optional(),
  })
  .strict();
export type CreateParticipantBody = z.infer<typeof createParticipantBody>;
export const createParticipantExample = {
  kind: 'client' as const,
  name: 'Jamie Doe',
  dateOfBirth: '2019-04-12',
};

export const listParticipantsQuery = pageQuery
  .extend({
    kind: z.enum(PARTICIPANT_KINDS).optional(),
    /** Case-insensitive "name contains". */
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type ListParticipantsQuery = z.infer<typeof listParticipantsQuery>;

export const CASE_STATUSES = ['open', 'closed'] as const;

/** FIN-4 "case valid": a case of one or more registered clients, open from `openedOn`. */
export const createCaseBody = z
  .object({
    reference: textInput(100),
    clientIds: distinctIds(1, 50),
    openedOn: calendarDateInput,
  })
  .strict();
export type CreateCaseBody = z.infer<typeof createCaseBody>;
export const createCaseExample = {
  reference: 'CASE-2026-0042',
  clientIds: ['0199a3c2-9a10-7cc0-8d5e-0000000c0001'],
  openedOn: '2026-01-01',
};

export const listCasesQuery = pageQuery
  .extend({
    clientId: uuidInput.optional(),
    status: z.enum(CASE_STATUSES).optional(),
    /** The case reference, whole (case-insensitive). */
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const closeCaseBody = z
  .object({ closedOn: calendarDateInput, reason: textInput(500) })
  .strict();
export type CloseCaseBody = z.infer<typeof closeCaseBody>;
export const closeCaseExample = { closedOn: '2026-06-30', reason: 'Client moved away' } as const;
