import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import type { ProvidersConfig } from './config.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { InquiriesService } from './inquiries/inquiries.service.js';
import { HomeStudyApprovalStarter } from './process-starters/home-study-approval.starter.js';
import { InquiryTriageStarter } from './process-starters/inquiry-triage.starter.js';
import { LicenceRenewalStarter } from './process-starters/licence-renewal.starter.js';
import { ContractApprovalStarter } from './process-starters/contract-approval.starter.js';
import { PROCESS_SETTINGS, processSettingsFrom } from './process-starters/process-settings.js';
import { ProviderGroupsController } from './provider-groups/provider-groups.controller.js';
import { ProviderGroupsService } from './provider-groups/provider-groups.service.js';
import {
  PROVIDER_MEMBER_CONTROLLERS,
  PROVIDER_MEMBER_SERVICES,
} from './provider-members/provider-members.controllers.js';
import { ProvidersService } from './providers/provider-management.service.js';
import { ProvidersController } from './providers/providers.controller.js';
import {
  SERVICE_REGISTRY_CONTROLLERS,
  SERVICE_REGISTRY_SERVICES,
} from './service-registry/service-registry.parts.js';
import {
  PROVIDER_SERVICE_CONTROLLERS,
  PROVIDER_SERVICE_SERVICES,
} from './provider-services/provider-services.parts.js';
import {
  PROVIDER_CLASSIFICATION_CONTROLLERS,
  PROVIDER_CLASSIFICATION_SERVICES,
} from './provider-classification/provider-classification.parts.js';
import { LICENCE_CONTROLLERS, LICENCE_SERVICES } from './licences/licences.controllers.js';
import { HOME_STUDY_CONTROLLERS, HOME_STUDY_SERVICES } from './home-studies/home-studies.parts.js';
import { INCIDENT_CONTROLLERS, INCIDENT_SERVICES } from './incidents/incidents.parts.js';
import {
  SERVICE_ENQUIRY_CONTROLLERS,
  SERVICE_ENQUIRY_SERVICES,
} from './service-enquiries/service-enquiries.controller.js';
import { WAITLIST_CONTROLLERS, WAITLIST_SERVICES } from './waitlists/waitlists.controller.js';
import {
  APPROVAL_CHECK_CONTROLLERS,
  APPROVAL_CHECK_SERVICES,
} from './approval-checks/approval-checks.parts.js';
import { TRAINING_CONTROLLERS, TRAINING_SERVICES } from './trainings/trainings.controllers.js';
import {
  CERTIFICATION_CONTROLLERS,
  CERTIFICATION_SERVICES,
} from './certifications/certifications.controllers.js';
import {
  ACCREDITATION_CONTROLLERS,
  ACCREDITATION_SERVICES,
} from './accreditations/accreditations.controller.js';
import { CONTRACT_CONTROLLERS, CONTRACT_SERVICES } from './contracts/contracts.parts.js';
import { SelfServiceController } from './self-service/self-service.controller.js';
import { INQUIRY_DECISION_DAYS, WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY } from './tokens.js';

@Module({})
export class ProvidersModule {
  static register(deps: ServiceDeps & { config: ProvidersConfig }): DynamicModule {
    return serviceModule(ProvidersModule, deps, {
      controllers: [
        InquiriesController,
        ProvidersController,
        ProviderGroupsController,
        InquiryTriageStarter,
        HomeStudyApprovalStarter,
        LicenceRenewalStarter,
        ContractApprovalStarter,
        SelfServiceController,
        ...SERVICE_ENQUIRY_CONTROLLERS,
        ...WAITLIST_CONTROLLERS,
        ...INCIDENT_CONTROLLERS,
        ...HOME_STUDY_CONTROLLERS,
        ...LICENCE_CONTROLLERS,
        ...SERVICE_REGISTRY_CONTROLLERS,
        ...PROVIDER_MEMBER_CONTROLLERS,
        ...TRAINING_CONTROLLERS,
        ...CERTIFICATION_CONTROLLERS,
        ...ACCREDITATION_CONTROLLERS,
        ...PROVIDER_SERVICE_CONTROLLERS,
        ...PROVIDER_CLASSIFICATION_CONTROLLERS,
        ...APPROVAL_CHECK_CONTROLLERS,
        ...CONTRACT_CONTROLLERS,
      ],
      providers: [
        InquiriesService,
        ProvidersService,
        ProviderGroupsService,
        ...INCIDENT_SERVICES,
        ...HOME_STUDY_SERVICES,
        ...LICENCE_SERVICES,
        ...SERVICE_REGISTRY_SERVICES,
        ...PROVIDER_MEMBER_SERVICES,
        ...TRAINING_SERVICES,
        ...CERTIFICATION_SERVICES,
        ...ACCREDITATION_SERVICES,
        ...PROVIDER_SERVICE_SERVICES,
        ...PROVIDER_CLASSIFICATION_SERVICES,
        ...APPROVAL_CHECK_SERVICES,
        ...CONTRACT_SERVICES,
        { provide: INQUIRY_DECISION_DAYS, useValue: deps.config.INQUIRY_DECISION_DAYS },
        { provide: PROCESS_SETTINGS, useValue: processSettingsFrom(deps.config) },
        ...SERVICE_ENQUIRY_SERVICES,
        ...WAITLIST_SERVICES,
        {
          provide: WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY,
          useValue: deps.config.WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY,
        },
      ],
    });
  }
}
