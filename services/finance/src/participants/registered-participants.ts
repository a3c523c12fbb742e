import type { EntityManager } from '@platform/persistence';
import type { ParticipantKind } from './participant.schemas.js';
import { type RuleIssue } from '@platform/http';
import { uuidArray } from '../shared/sql-arrays.js';

/** The kind of each registered participant among `ids`, read in one query. */
export async function participantKinds(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ParticipantKind>> {
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ id: string; kind: ParticipantKind }[]>(
    'select participant_id as id, kind from participant where participant_id = any(?::uuid[])',
    [uuidArray([...new Set(ids)])],
  );
  return new Map(rows.map((row) => [row.id, row.kind]));
}

/**
 * FIN-4 "client and payee registered": each id must be a registered participant of `kind`. One
 * issue per offending entry, named `<field>[<index>]` (or `field` when `indexed` is false), so
 * the refusal sits next to the right input.
 */
export function unregisteredIssues(
  kinds: ReadonlyMap<string, ParticipantKind>,
  entries: readonly { id: string; field: string }[],
  kind: ParticipantKind,
): RuleIssue[] {
  return entries.flatMap(({ id, field }) => {
    const found = kinds.get(id);
    if (found === kind) return [];
    return [
      {
        rule: 'FIN-4',
        field,
        message: found
          ? `${id} is a registered ${found}, not a ${kind}`
          : `no ${kind} ${id} is registered`,
      },
    ];
  });
}
