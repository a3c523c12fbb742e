import { InvestigationsController } from '../investigations/investigations.controller.js';
import { InvestigationsService } from '../investigations/investigations.service.js';
import { IncidentPartsService } from './incident-parts.service.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';

/** Incidents and investigations' HTTP API (INC-1…INC-4), registered in the providers module. */
export const INCIDENT_CONTROLLERS = [IncidentsController, InvestigationsController];

export const INCIDENT_SERVICES = [IncidentsService, IncidentPartsService, InvestigationsService];
