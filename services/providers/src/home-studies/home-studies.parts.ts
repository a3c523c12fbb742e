import { HomeStudiesController, HomeStudyTemplatesController } from './home-studies.controller.js';
import { HomeStudiesService } from './home-studies.service.js';

/** The home studies' HTTP API (CRD-7, WF-1), registered in the providers module. */
export const HOME_STUDY_CONTROLLERS = [HomeStudiesController, HomeStudyTemplatesController];

export const HOME_STUDY_SERVICES = [HomeStudiesService];
