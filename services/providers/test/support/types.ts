/** Shapes of the providers API's answers that every suite reads. */

export type Json = Record<string, unknown>;

/** An RFC 9457 problem+json body: every 4xx names the rule or the fields it refuses. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  rule?: string;
  errors?: { field: string; message: string }[];
}

/** One page of a paginated list (`pageQuery` in `@platform/http`). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A warning shown when a provider service is approved or changed (PRV-6, SVC-7, SVC-10). */
export interface ServiceWarning {
  rule: string;
  criterion?: string;
  memberId?: string;
  memberName?: string;
  missingCourseCodes?: string[];
  message: string;
}

/** A provider service as the API answers it. */
export type ProviderServiceBody = Json & { id: string; status: string; warnings: ServiceWarning[] };
