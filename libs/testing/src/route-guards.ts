/**
 * ROLE checks for every endpoint a service documents. `@RequireRoles` and `@Public` (libs/auth)
 * write `x-required-roles` / `x-public` into each OpenAPI operation, so a test can read the whole
 * surface from `/docs-json` — a new endpoint is covered the moment it exists, and one without a
 * guard is reported instead of being silently open to every signed-in user.
 */

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = Uppercase<(typeof HTTP_METHODS)[number]>;

interface OpenApiOperation {
  'x-required-roles'?: string[];
  'x-public'?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof HTTP_METHODS)[number], OpenApiOperation>>>;
}

export interface DocumentedOperation {
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/providers/{id}/members`. */
  path: string;
  public: boolean;
  /** Null when the operation names no roles (open to any signed-in user). */
  requiredRoles: string[] | null;
}

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const roles = operation['x-required-roles'];
      return [
        {
          method: method.toUpperCase() as HttpMethod,
          path,
          public: operation['x-public'] === true,
          requiredRoles: roles?.length ? roles : null,
        },
      ];
    }),
  );
}

/** Operations that are neither public nor limited to named roles. */
export function unguardedOperations(operations: DocumentedOperation[]): string[] {
  return operations
    .filter((operation) => !operation.public && !operation.requiredRoles)
    .map((operation) => `${operation.method} ${operation.path}`);
}

/** The path template's parameter names, in order: `/a/{id}/b/{memberId}` → ['id', 'memberId']. */
export function pathParameters(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/** Fills a path template's parameters: by name from `values`, else with `fallback(name)`. */
export function concretePath(
  template: string,
  values: Record<string, string>,
  fallback: (name: string) => string,
): string {
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) =>
    encodeURIComponent(values[name] ?? fallback(name)),
  );
}

export interface ForbiddenProbe {
  method: HttpMethod;
  path: string;
  role: string;
}

/**
 * For every guarded operation, one probe per role it does not name: each must answer 403. The
 * role guard runs before validation, so ids and bodies may be anything.
 */
export function forbiddenRoleProbes(
  operations: DocumentedOperation[],
  roles: readonly string[],
  fillParameter: (name: string) => string,
): ForbiddenProbe[] {
  return operations.flatMap((operation) =>
    (operation.requiredRoles ? roles.filter((r) => !operation.requiredRoles?.includes(r)) : []).map(
      (role) => ({
        method: operation.method,
        path: concretePath(operation.path, {}, fillParameter),
        role,
      }),
    ),
  );
}

/** The operations a running service documents at `/docs-json`. */
export async function fetchDocumentedOperations(baseUrl: string): Promise<DocumentedOperation[]> {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (!response.ok) throw new Error(`${baseUrl}/docs-json answered ${response.status}`);
  return documentedOperations((await response.json()) as OpenApiDocument);
}

/**
 * Sends every probe as a user holding only the probe's role and lists those not answered with 403
 * (empty when every guard holds).
 */
export async function probesNotForbidden(
  probes: ForbiddenProbe[],
  userWithRole: (role: string) => string,
  send: (
    method: HttpMethod,
    path: string,
    options: { user: string; body?: unknown },
  ) => Promise<{ status: number }>,
): Promise<string[]> {
  const wrong: string[] = [];
  for (const probe of probes) {
    const body = probe.method === 'GET' ? undefined : {};
    const response = await send(probe.method, probe.path, { user: userWithRole(probe.role), body });
    if (response.status !== 403) {
      wrong.push(`${probe.method} ${probe.path} as ${probe.role}: ${response.status}`);
    }
  }
  return wrong;
}
