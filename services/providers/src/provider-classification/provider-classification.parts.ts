import {
  ProviderCategoriesController,
  SpecialtiesController,
} from './classification-registries.controller.js';
import { ClassificationRegistriesService } from './classification-registries.service.js';
import { ProviderClassificationController } from './provider-classification.controller.js';
import { ProviderClassificationService } from './provider-classification.service.js';

/** PRV-3: categories and types, specialties, service centres — registered in the providers module. */
export const PROVIDER_CLASSIFICATION_CONTROLLERS = [
  ProviderCategoriesController,
  SpecialtiesController,
  ProviderClassificationController,
];

export const PROVIDER_CLASSIFICATION_SERVICES = [
  ClassificationRegistriesService,
  ProviderClassificationService,
];
