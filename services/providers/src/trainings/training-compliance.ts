import type { EntityManager } from '@mikro-orm/postgresql';

export interface TrainingGap {
  memberId: string;
  memberName: string;
  missingCourseCodes: string[];
}

interface GapRow {
  member_id: string;
  member_name: string;
  missing: string[];
}

/**
 * SVC-10 / CRD-3: members active at the provider on the date who have neither completed nor waived
 * every course.
 *
 * Active: a `provider_membership` of the member at the provider covers `onDate` (both ends
 * inclusive). Met: a training of the member for the course (codes compared case-insensitively)
 * that was completed on or before `onDate`, or that was waived (a waiver says the course is no
 * longer needed, whenever it was granted). Members are returned by name; the missing codes keep
 * the order (and spelling) of `courseCodes`. No course codes, or no active member: no gaps.
 */
export async function findMembersMissingCourses(
  em: EntityManager,
  input: { providerId: string; courseCodes: readonly string[]; onDate: string },
): Promise<TrainingGap[]> {
  const codes = [...new Set(input.courseCodes)];
  if (codes.length === 0) return [];
  const rows = await em.execute<GapRow[]>(
    `
    with active_member as (
      select distinct m.id, m.name
      from provider_membership pm
      join member m on m.id = pm.member_id
      where pm.provider_id = ?
        and pm.from_date <= cast(? as date)
        and (pm.to_date is null or pm.to_date >= cast(? as date))
    ),
    course as (
      select code, ordinality
      from jsonb_array_elements_text(cast(? as jsonb)) with ordinality as c(code, ordinality)
    )
    select am.id as member_id, am.name as member_name,
           array_agg(c.code order by c.ordinality) as missing
    from active_member am
    cross join course c
    where not exists (
      select 1 from member_training t
      where t.member_id = am.id
        and upper(t.course_code) = upper(c.code)
        and ((t.status = 'completed' and t.completed_on <= cast(? as date)) or t.status = 'waived')
    )
    group by am.id, am.name
    order by lower(am.name), am.id`,
    [input.providerId, input.onDate, input.onDate, JSON.stringify(codes), input.onDate],
  );
  return rows.map((row) => ({
    memberId: row.member_id,
    memberName: row.member_name,
    missingCourseCodes: [...row.missing],
  }));
}
