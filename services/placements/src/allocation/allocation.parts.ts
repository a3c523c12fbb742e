import type { Provider, Type } from '@nestjs/common';
import { FreedPlaceOffers } from './freed-place.consumer.js';
import { WaitlistOfferProcesses } from './offer-processes.js';
import { WaitlistAllocations } from './waitlist-allocations.js';

/** The allocation area's controllers and providers, registered in placements.module.ts. */
export const ALLOCATION_CONTROLLERS: Type[] = [FreedPlaceOffers];
export const ALLOCATION_PROVIDERS: Provider[] = [WaitlistOfferProcesses, WaitlistAllocations];
