import { z } from 'zod';
import {
  INVESTIGATION_OUTCOMES,
  INVESTIGATION_STATUSES,
  INVESTIGATION_TYPES,
} from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething, idParam } from '../shared/common.schemas.js';

const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);
/** The user id of the investigator (a staff user of the identity provider). */
const investigatorId = text(200).meta({ example: 'sup.sato' });

/** INC-4: an investigation of an allegation against a provider, maybe from incidents. */
export const openInvestigationBody = z
  .object({
    providerId: idParam,
    type: z.enum(INVESTIGATION_TYPES),
    allegation: text(10_000),
    /** The day it was opened; today when absent. */
    openedOn: calendarDateInput.optional(),
    assignedInvestigatorId: investigatorId.nullable().default(null),
    /** Incidents involving the provider that led to the investigation (INC-4). */
    incidentIds: z
      .array(idParam)
      .max(100)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, 'an incident is listed twice'),
  })
  .strict();
export type OpenInvestigationBody = z.infer<typeof openInvestigationBody>;

/** INC-4: only an open investigation changes. */
export const updateInvestigationBody = changingSomething(
  z
    .object({
      type: z.enum(INVESTIGATION_TYPES),
      allegation: text(10_000),
      assignedInvestigatorId: investigatorId.nullable(),
    })
    .partial()
    .strict(),
);
export type UpdateInvestigationBody = z.infer<typeof updateInvestigationBody>;

/** INC-4: closing records what was found and the outcome. */
export const closeInvestigationBody = z
  .object({
    outcome: z.enum(INVESTIGATION_OUTCOMES),
    findings: text(20_000),
    /** The day it closed; today when absent. */
    closedOn: calendarDateInput.optional(),
  })
  .strict();
export type CloseInvestigationBody = z.infer<typeof closeInvestigationBody>;

export const linkIncidentBody = z.object({ incidentId: idParam }).strict();
export type LinkIncidentBody = z.infer<typeof linkIncidentBody>;

export const listInvestigationsQuery = pageQuery
  .extend({
    providerId: idParam.optional(),
    type: z.enum(INVESTIGATION_TYPES).optional(),
    status: z.enum(INVESTIGATION_STATUSES).optional(),
    outcome: z.enum(INVESTIGATION_OUTCOMES).optional(),
    assignedInvestigatorId: text(200).optional(),
    /** Investigations linked to this incident. */
    incidentId: idParam.optional(),
    /** First day of the period the investigation was opened in (inclusive). */
    openedFrom: calendarDateInput.optional(),
    /** Last day of the period the investigation was opened in (inclusive). */
    openedTo: calendarDateInput.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.openedFrom && query.openedTo && query.openedTo < query.openedFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['openedTo'],
        message: 'the period cannot end before it starts',
      });
    }
  });
export type ListInvestigationsQuery = z.infer<typeof listInvestigationsQuery>;

export const openInvestigationExample: z.input<typeof openInvestigationBody> = {
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  type: 'child-welfare',
  allegation: 'A resident was restrained repeatedly without cause',
  openedOn: '2026-03-21',
  assignedInvestigatorId: 'sup.sato',
  incidentIds: ['0199a3c2-9a10-7cc0-8d5e-000000000401'],
};
