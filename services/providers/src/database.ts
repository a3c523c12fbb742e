import { messagingMigration, OutboxMessage } from '@platform/messaging';
import { openDatabase } from '@platform/persistence';
import { serviceEnquiriesMigration } from './migrations/service-enquiries.migration.js';
import { waitlistsMigration } from './migrations/waitlists.migration.js';
import { SERVICE_ENQUIRY_ENTITIES } from './service-enquiries/service-enquiry.entity.js';
import { WAITLIST_ENTITIES } from './waitlists/waitlist-entry.entity.js';
import { INCIDENT_ENTITIES } from './incidents/incident.entities.js';
import { INVESTIGATION_ENTITIES } from './investigations/investigation.entities.js';
import { incidentsMigration } from './migrations/incidents.migration.js';
import { LICENCE_ENTITIES } from './licences/licence.entities.js';
import { licencesMigration } from './migrations/licences.migration.js';
import { Inquiry } from './inquiries/inquiry.entity.js';
import { inquiriesMigration } from './migrations/inquiries.migration.js';
import { providerLifecycleMigration } from './migrations/provider-lifecycle.migration.js';
import { providerMembersMigration } from './migrations/provider-members.migration.js';
import { PROVIDER_MEMBER_ENTITIES } from './provider-members/provider-members.entities.js';
import { ProviderStatusChange } from './providers/provider-status-change.entity.js';
import { Provider } from './providers/provider.entity.js';
import { serviceRegistryMigration } from './migrations/service-registry.migration.js';
import { SERVICE_REGISTRY_ENTITIES } from './service-registry/service-registry.entities.js';
import { providerGroupsMigration } from './migrations/provider-groups.migration.js';
import { PROVIDER_GROUP_ENTITIES } from './provider-groups/provider-group.entities.js';
import {
  providerClassificationMigration,
  providerSearchByServiceMigration,
} from './migrations/provider-classification.migration.js';
import { PROVIDER_CLASSIFICATION_ENTITIES } from './provider-classification/provider-classification.entities.js';
import { credentialsMigration } from './migrations/credentials.migration.js';
import { TRAINING_ENTITIES } from './trainings/training.entities.js';
import { CERTIFICATION_ENTITIES } from './certifications/certification.entities.js';
import { ACCREDITATION_ENTITIES } from './accreditations/accreditation.entity.js';
import { providerServicesMigration } from './migrations/provider-services.migration.js';
import { PROVIDER_SERVICE_ENTITIES } from './provider-services/provider-service.entity.js';
import { homeStudiesMigration } from './migrations/home-studies.migration.js';
import { HOME_STUDY_ENTITIES } from './home-studies/home-study.entities.js';
import { APPROVAL_CHECK_ENTITIES } from './approval-checks/approval-check.entities.js';
import { approvalChecksMigration } from './migrations/approval-checks.migration.js';
import { CONTRACT_ENTITIES } from './contracts/contract.entities.js';
import { contractsMigration } from './migrations/contracts.migration.js';

/** The providers service's own database (ARCHITECTURE rule 1), migrated on start. */
export function openProvidersDatabase(url: string) {
  return openDatabase({
    url,
    entities: [
      Inquiry,
      Provider,
      ProviderStatusChange,
      ...SERVICE_REGISTRY_ENTITIES,
      ...PROVIDER_MEMBER_ENTITIES,
      ...PROVIDER_GROUP_ENTITIES,
      ...TRAINING_ENTITIES,
      ...CERTIFICATION_ENTITIES,
      ...ACCREDITATION_ENTITIES,
      ...PROVIDER_SERVICE_ENTITIES,
      ...PROVIDER_CLASSIFICATION_ENTITIES,
      ...LICENCE_ENTITIES,
      ...HOME_STUDY_ENTITIES,
      ...INCIDENT_ENTITIES,
      ...INVESTIGATION_ENTITIES,
      ...SERVICE_ENQUIRY_ENTITIES,
      ...WAITLIST_ENTITIES,
      ...APPROVAL_CHECK_ENTITIES,
      ...CONTRACT_ENTITIES,
      OutboxMessage,
    ],
    migrations: [
      messagingMigration,
      inquiriesMigration,
      providerLifecycleMigration,
      serviceRegistryMigration,
      providerGroupsMigration,
      providerMembersMigration,
      providerClassificationMigration,
      credentialsMigration,
      providerServicesMigration,
      licencesMigration,
      homeStudiesMigration,
      incidentsMigration,
      serviceEnquiriesMigration,
      waitlistsMigration,
      providerSearchByServiceMigration,
      approvalChecksMigration,
      contractsMigration,
    ],
  });
}
