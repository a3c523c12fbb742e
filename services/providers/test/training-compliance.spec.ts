import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Member, ProviderMembership } from '../src/provider-members/provider-members.entities.js';
import { Provider } from '../src/providers/provider.entity.js';
import { findMembersMissingCourses } from '../src/trainings/training-compliance.js';
import { MemberTraining } from '../src/trainings/training.entities.js';
import type { TrainingStatus } from '../src/trainings/training.rules.js';
import { startProvidersDatabase, type ProvidersDatabase } from './support/providers-database.js';

let database: ProvidersDatabase;
let orm: MikroORM;
const audit = { createdBy: 'rm.rivera', updatedBy: 'rm.rivera' };

beforeAll(async () => {
  database = await startProvidersDatabase('providers_training_compliance');
  orm = database.orm;
});

afterAll(async () => {
  await database?.close();
});

async function newProvider(): Promise<string> {
  const em = orm.em.fork();
  const provider = em.create(Provider, {
    id: randomUUID(),
    name: `Sunrise ${randomUUID()}`,
    enrolledBy: 'rm.rivera',
  });
  await em.flush();
  return provider.id;
}

async function newMember(
  providerId: string,
  name: string,
  from: string,
  to: string | null = null,
): Promise<string> {
  const em = orm.em.fork();
  const member = em.create(Member, { id: randomUUID(), name, ...audit });
  await em.flush();
  em.create(ProviderMembership, {
    id: randomUUID(),
    providerId,
    memberId: member.id,
    role: 'staff',
    from,
    to,
    ...audit,
  });
  await em.flush();
  return member.id;
}

async function newTraining(
  memberId: string,
  courseCode: string,
  status: TrainingStatus,
  completedOn: string | null = null,
): Promise<void> {
  const em = orm.em.fork();
  em.create(MemberTraining, {
    id: randomUUID(),
    memberId,
    kind: 'unmanaged',
    courseCode,
    courseName: courseCode,
    status,
    completedOn,
    waiverReason: status === 'waived' ? 'Qualified nurse' : null,
    ...audit,
  });
  await em.flush();
}

async function gaps(providerId: string, courseCodes: string[], onDate: string) {
  return findMembersMissingCourses(orm.em.fork(), { providerId, courseCodes, onDate });
}

describe('training requirements (SVC-10, CRD-3)', () => {
  it('SVC-10: a member active on the date who completed nothing misses every course, in order', async () => {
    const providerId = await newProvider();
    const memberId = await newMember(providerId, 'Ana Park', '2026-01-01');
    expect(await gaps(providerId, ['FIRST-AID', 'CHILD-SAFEGUARDING'], '2026-03-01')).toEqual([
      { memberId, memberName: 'Ana Park', missingCourseCodes: ['FIRST-AID', 'CHILD-SAFEGUARDING'] },
    ]);
  });

  it('SVC-10: completing on or before the date, or a waiver, meets a course; a later completion does not', async () => {
    const providerId = await newProvider();
    const done = await newMember(providerId, 'Ben Done', '2026-01-01');
    await newTraining(done, 'FIRST-AID', 'completed', '2026-03-01');
    await newTraining(done, 'child-safeguarding', 'waived');
    const late = await newMember(providerId, 'Cy Late', '2026-01-01');
    await newTraining(late, 'FIRST-AID', 'completed', '2026-03-02');
    await newTraining(late, 'CHILD-SAFEGUARDING', 'completed', '2026-02-01');

    expect(await gaps(providerId, ['FIRST-AID', 'CHILD-SAFEGUARDING'], '2026-03-01')).toEqual([
      { memberId: late, memberName: 'Cy Late', missingCourseCodes: ['FIRST-AID'] },
    ]);
    expect(await gaps(providerId, ['FIRST-AID', 'CHILD-SAFEGUARDING'], '2026-03-02')).toEqual([]);
  });

  it('SVC-10: an assigned or approved (not completed) training does not meet the course', async () => {
    const providerId = await newProvider();
    const assigned = await newMember(providerId, 'Dee Assigned', '2026-01-01');
    await newTraining(assigned, 'FIRST-AID', 'assigned');
    const approved = await newMember(providerId, 'Eve Approved', '2026-01-01');
    await newTraining(approved, 'FIRST-AID', 'approved');
    expect(
      (await gaps(providerId, ['FIRST-AID'], '2026-06-01')).map((gap) => gap.memberId),
    ).toEqual([assigned, approved]);
  });

  it('CRD-3: only members active at this provider on the date count', async () => {
    const providerId = await newProvider();
    const otherProviderId = await newProvider();
    const active = await newMember(providerId, 'Fay Active', '2026-01-01', '2026-12-31');
    await newMember(providerId, 'Gus Former', '2025-01-01', '2025-12-31');
    await newMember(providerId, 'Hal Future', '2026-07-01');
    await newMember(otherProviderId, 'Ivy Elsewhere', '2026-01-01');
    expect(await gaps(providerId, ['FIRST-AID'], '2026-06-30')).toEqual([
      { memberId: active, memberName: 'Fay Active', missingCourseCodes: ['FIRST-AID'] },
    ]);
    // the last day of a membership still counts (inclusive)
    expect(
      (await gaps(providerId, ['FIRST-AID'], '2025-12-31')).map((gap) => gap.memberName),
    ).toEqual(['Gus Former']);
  });

  it('CRD-3: no required courses, or nobody active, means no gaps', async () => {
    const providerId = await newProvider();
    await newMember(providerId, 'Jo Member', '2026-01-01');
    expect(await gaps(providerId, [], '2026-06-01')).toEqual([]);
    expect(await gaps(await newProvider(), ['FIRST-AID'], '2026-06-01')).toEqual([]);
  });

  it('SVC-10: a completed training of another course does not meet a required one', async () => {
    const providerId = await newProvider();
    const memberId = await newMember(providerId, 'Kim Other', '2026-01-01');
    await newTraining(memberId, 'FIRE-SAFETY', 'completed', '2026-01-15');
    expect(await gaps(providerId, ['FIRST-AID', 'FIRE-SAFETY'], '2026-06-01')).toEqual([
      { memberId, memberName: 'Kim Other', missingCourseCodes: ['FIRST-AID'] },
    ]);
  });
});
