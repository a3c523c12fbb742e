import { auditView } from '../shared/audit.js';
import type {
  ProviderCategoryRecord,
  ProviderServiceCentreRecord,
  ProviderTypeRecord,
  SpecialtyRecord,
} from './provider-classification.entities.js';

export type CategoryView = ReturnType<typeof categoryView>;
export function categoryView(category: ProviderCategoryRecord) {
  return {
    code: category.code,
    name: category.name,
    active: category.active,
    ...auditView(category),
  };
}

export type CategoryWithTypesView = CategoryView & { types: TypeView[] };

export type TypeView = ReturnType<typeof typeView>;
export function typeView(type: ProviderTypeRecord) {
  return { categoryCode: type.categoryCode, code: type.code, name: type.name, ...auditView(type) };
}

export type SpecialtyView = ReturnType<typeof specialtyView>;
export function specialtyView(specialty: SpecialtyRecord) {
  return { code: specialty.code, name: specialty.name, ...auditView(specialty) };
}

/** PRV-3: one of a provider's specialties, with who added it when. */
export interface ProviderSpecialtyView {
  code: string;
  name: string;
  addedBy: string;
  addedAt: string;
}

/** PRV-3: the provider's classification with the registry names of its codes. */
export interface ClassificationView {
  providerId: string;
  categoryCode: string | null;
  categoryName: string | null;
  typeCode: string | null;
  typeName: string | null;
}

/** Where a centre is and when it serves (PRV-3): what its view and its events both carry. */
function centreDetails(centre: ProviderServiceCentreRecord) {
  return {
    name: centre.name,
    addressLine1: centre.addressLine1 ?? null,
    addressLine2: centre.addressLine2 ?? null,
    city: centre.city ?? null,
    region: centre.region ?? null,
    postalCode: centre.postalCode ?? null,
    phone: centre.phone ?? null,
    from: centre.from,
    to: centre.to ?? null,
  };
}

export type ServiceCentreView = ReturnType<typeof serviceCentreView>;
export function serviceCentreView(centre: ProviderServiceCentreRecord) {
  return {
    id: centre.id,
    providerId: centre.providerId,
    ...centreDetails(centre),
    /** PRV-3: closed once it has a last day of service. */
    status: centre.to ? ('closed' as const) : ('open' as const),
    closeReason: centre.closeReason ?? null,
    ...auditView(centre),
  };
}

/** The fields of a centre its events carry (PRV-3). */
export function serviceCentreEventData(centre: ProviderServiceCentreRecord) {
  return { providerId: centre.providerId, serviceCentreId: centre.id, ...centreDetails(centre) };
}
