import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface InfraEndpoints {
  postgres: { url: string; host: string; port: number; user: string; password: string };
  kafka: { brokers: string[] };
  temporal: { address: string; namespace: string; uiUrl: string };
}

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What `npm run infra:up` wrote: where the real infrastructure of this run listens. */
export function infraEndpoints(): InfraEndpoints {
  const dir = process.env['PP_INFRA_DIR'] ?? join(repoRoot, '.infra');
  return JSON.parse(readFileSync(join(dir, 'endpoints.json'), 'utf8')) as InfraEndpoints;
}
