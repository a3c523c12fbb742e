/** Seeded users (libs/auth seed users) by what they do with taxonomies. */
export const ADMIN = 'admin.ada';
export const RESOURCE_MANAGER = 'rm.rivera';
export const SUPERVISOR = 'sup.sato';
export const CASE_WORKER = 'cw.chen';
export const FINANCE_USER = 'fin.fatima';
export const OPERATOR = 'ops.omar';
export const PROVIDER_USER = 'provider.harbor';

export interface Problem {
  rule?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export const fields = (body: Problem) => (body.errors ?? []).map((error) => error.field);

/** Fails the test with the problem when a fixture call is refused. */
export function expectStatus<T>(
  reply: { status: number; body: T },
  status: number,
  what: string,
): T {
  if (reply.status !== status) {
    throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}
