import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@platform/persistence';

/** What a notice is about: the same subjects the `notice.subject_type` check allows. */
export type NoticeSubjectType = 'reservation' | 'placement' | 'waitlist-offer' | 'waitlist-entry';

export interface NewNotice {
  /** The user id that reads it (e.g. the case worker who created the reservation). */
  recipient: string;
  subjectType: NoticeSubjectType;
  subjectId: string;
  title: string;
  body: string;
  /** Who made the change the notice tells about. */
  changedBy: string;
}

/**
 * Leaves a notice for one person in the caller's transaction, so it exists exactly when the change
 * it tells about was committed (no notice for a rolled-back change, none lost for a committed one).
 */
export async function recordNotice(em: EntityManager, notice: NewNotice): Promise<void> {
  await em.execute(
    `insert into notice (notice_id, recipient, subject_type, subject_id, title, body, changed_by)
     values (?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      notice.recipient,
      notice.subjectType,
      notice.subjectId,
      notice.title,
      notice.body,
      notice.changedBy,
    ],
  );
}
