import { describe, expect, it } from '@jest/globals';
import type { CalendarDate } from '@platform/kernel';
import {
  closingDayIssues,
  investigationAllows,
  linkIssues,
  openingDayIssues,
} from './investigation-rules.js';
import { openInvestigationBody } from './investigation.schemas.js';

const d = (value: string) => value as CalendarDate;

describe('investigations (INC-4)', () => {
  it('INC-4: an open investigation is edited, linked and closed; a closed one refuses everything', () => {
    for (const command of ['edit', 'close', 'link', 'unlink'] as const) {
      expect(investigationAllows('open', command)).toEqual({ ok: true });
      expect(investigationAllows('closed', command)).toMatchObject({ ok: false });
    }
  });

  it('INC-4: only incidents the provider under investigation takes part in are linked', () => {
    expect(linkIssues('p1', ['p2', 'p1'], 'incidentId')).toEqual([]);
    expect(linkIssues('p1', ['p2'], 'incidentIds.0')).toEqual([
      expect.objectContaining({ rule: 'INC-4', field: 'incidentIds.0' }),
    ]);
  });

  it('INC-4: an investigation closes between its opening day and today', () => {
    const today = d('2026-04-15');
    expect(closingDayIssues(d('2026-03-21'), d('2026-03-21'), today)).toEqual([]);
    expect(closingDayIssues(d('2026-03-21'), today, today)).toEqual([]);
    expect(closingDayIssues(d('2026-03-21'), d('2026-03-20'), today)).toEqual([
      expect.objectContaining({ rule: 'INC-4', field: 'closedOn' }),
    ]);
    expect(closingDayIssues(d('2026-03-21'), d('2026-04-16'), today)).toEqual([
      expect.objectContaining({ rule: 'INC-4', field: 'closedOn' }),
    ]);
  });

  it('INC-4: an investigation is not opened on a future day', () => {
    expect(openingDayIssues(d('2026-04-15'), d('2026-04-15'))).toEqual([]);
    expect(openingDayIssues(d('2026-04-16'), d('2026-04-15'))).toHaveLength(1);
  });

  it('INC-4: the same incident is not listed twice when opening', () => {
    const incident = '0199a3c2-9a10-7cc0-8d5e-000000000401';
    const result = openInvestigationBody.safeParse({
      providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
      type: 'child-welfare',
      allegation: 'Repeated restraint',
      incidentIds: [incident, incident],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['incidentIds']);
  });
});
