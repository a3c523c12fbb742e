import type { Provider, Type } from '@nestjs/common';
import { REVIEW_STARTER } from '../imports/review-starter.port.js';
import { ReviewController } from './review.controller.js';
import { ReviewProcessRecovery, TemporalReviewProcess } from './review-process.js';
import { ReviewService } from './review.service.js';
import { TaxonomiesController } from './taxonomies.controller.js';
import { TaxonomiesService } from './taxonomies.service.js';
import { TaxonomyVersionsController } from './taxonomy-versions.controller.js';
import { VersionLifecycleService } from './version-lifecycle.service.js';

/** The versions area's controllers and providers, registered in taxonomy.module.ts. */
export const VERSIONS_CONTROLLERS: Type[] = [
  TaxonomiesController,
  TaxonomyVersionsController,
  ReviewController,
];
export const VERSIONS_PROVIDERS: Provider[] = [
  TemporalReviewProcess,
  { provide: REVIEW_STARTER, useExisting: TemporalReviewProcess },
  ReviewProcessRecovery,
  ReviewService,
  TaxonomiesService,
  VersionLifecycleService,
];
