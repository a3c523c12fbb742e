import type { NoticeSubjectType } from './notice-writes.js';

export interface NoticeView {
  noticeId: string;
  recipient: string;
  subjectType: NoticeSubjectType;
  subjectId: string;
  title: string;
  body: string;
  changedBy: string;
  createdAt: string;
  readAt: string | null;
}

/** Columns of `notice` as views name them; timestamps leave Postgres as ISO text. */
export const NOTICE_COLUMNS = `
  n.notice_id as "noticeId", n.recipient, n.subject_type as "subjectType",
  n.subject_id as "subjectId", n.title, n.body, n.changed_by as "changedBy",
  to_json(n.created_at) #>> '{}' as "createdAt", to_json(n.read_at) #>> '{}' as "readAt"`;
