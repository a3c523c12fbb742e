import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  INVESTIGATION_OUTCOMES,
  INVESTIGATION_STATUSES,
  INVESTIGATION_TYPES,
} from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';

/**
 * INC-4: an investigation of an allegation against a provider (child welfare, authorization
 * violation …), assigned to an investigator; open → closed with findings and an outcome.
 */
export const Investigation = defineEntity({
  name: 'Investigation',
  tableName: 'investigation',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    type: p.enum(INVESTIGATION_TYPES),
    allegation: p.text(),
    openedOn: p.date().fieldName('opened_on'),
    assignedInvestigatorId: p.text().fieldName('assigned_investigator_id').nullable(),
    status: p.enum(INVESTIGATION_STATUSES).default('open'),
    outcome: p.enum(INVESTIGATION_OUTCOMES).nullable(),
    findings: p.text().nullable(),
    closedOn: p.date().fieldName('closed_on').nullable(),
    closedBy: p.text().fieldName('closed_by').nullable(),
    ...auditProperties,
  },
});
export type InvestigationRecord = InferEntity<typeof Investigation>;

/** INC-4: an incident linked to an investigation, for reference. */
export const InvestigationIncident = defineEntity({
  name: 'InvestigationIncident',
  tableName: 'investigation_incident',
  properties: {
    id: p.uuid().primary(),
    investigationId: p.uuid().fieldName('investigation_id'),
    incidentId: p.uuid().fieldName('incident_id'),
    linkedBy: p.text().fieldName('linked_by'),
    linkedAt: p
      .datetime()
      .fieldName('linked_at')
      .onCreate(() => new Date()),
  },
});
export type InvestigationIncidentRecord = InferEntity<typeof InvestigationIncident>;

export const INVESTIGATION_ENTITIES = [Investigation, InvestigationIncident];
