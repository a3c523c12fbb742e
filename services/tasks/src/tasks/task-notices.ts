import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EscalateTaskInput, RemindTaskInput, Role, TaskNotified } from '@platform/contracts';
import { businessRejection } from '@platform/temporal';
import {
  FeedNotification,
  type FeedNotificationRecord,
} from '../notifications/notification.entity.js';
import {
  emailAddressOf,
  recipientFromLabel,
  recipientLabel,
  type Recipient,
} from '../notifications/recipients.js';
import type { TaskMailer } from '../notifications/task-mailer.js';
import { WorkQueue, type WorkQueueRecord } from '../queues/work-queue.entity.js';
import { TaskHistory, type TaskHistoryRecord } from './task-history.entity.js';
import { higherPriority, Task, type TaskRecord } from './task.entity.js';

/**
 * Reminders and escalations of a task (WF-1, WF-2), sent from workflow timers as activities.
 *
 * Idempotent by request key, durably: the history row (unique request key) and one feed row per
 * recipient (`<requestKey>:<recipient>`, unique) are written in one transaction first; email goes
 * out afterwards, one message per feed row not yet emailed, with the row's key as the email's
 * idempotency key. A failed email fails the activity so Temporal retries it; the retry finds the
 * rows already written and only sends the emails still missing.
 */

interface Notice {
  kind: 'reminder' | 'escalation';
  action: 'reminded' | 'escalated';
  recipients: Recipient[];
  title: string;
  /** Changes to the task itself (priority, escalation mark). */
  apply(task: TaskRecord): void;
  details: Record<string, unknown>;
}

interface Recorded {
  notified: TaskNotified;
  keys: string[];
}

const keyFor = (requestKey: string, label: string) => `${requestKey}:${label}`;

/** The reminder: the assignee if someone claimed the task, else every member role of its queue. */
export function remindTask(
  orm: MikroORM,
  mailer: TaskMailer | null,
  input: RemindTaskInput,
): Promise<TaskNotified> {
  return notify(orm, mailer, input, (task, queue) => ({
    kind: 'reminder',
    action: 'reminded',
    recipients: task.assignee
      ? [{ userId: task.assignee }]
      : queue.memberRoles.map((role) => ({ role })),
    title: `Reminder: ${task.title}`,
    apply(task) {
      task.priority = higherPriority(task.priority, input.priority);
    },
    details: { priority: higherPriority(task.priority, input.priority) },
  }));
}

/**
 * The escalation: to `toRoles` (default the queue's supervisor roles, else its member roles), and
 * to the assignee if any; the task becomes urgent and is marked escalated.
 */
export function escalateTask(
  orm: MikroORM,
  mailer: TaskMailer | null,
  input: EscalateTaskInput,
): Promise<TaskNotified> {
  return notify(orm, mailer, input, (task, queue) => {
    const toRoles: Role[] = input.toRoles?.length
      ? [...input.toRoles]
      : queue.supervisorRoles.length > 0
        ? queue.supervisorRoles
        : queue.memberRoles;
    return {
      kind: 'escalation',
      action: 'escalated',
      recipients: [
        ...toRoles.map((role) => ({ role })),
        ...(task.assignee ? [{ userId: task.assignee }] : []),
      ],
      title: `Escalated: ${task.title}`,
      apply(task) {
        task.priority = 'urgent';
        task.escalatedAt = new Date();
        task.escalatedTo = toRoles;
      },
      details: { toRoles },
    };
  });
}

async function notify(
  orm: MikroORM,
  mailer: TaskMailer | null,
  input: { taskId: string; requestKey: string; message: string },
  plan: (task: TaskRecord, queue: WorkQueueRecord) => Notice,
): Promise<TaskNotified> {
  const recorded = await orm.em.fork().transactional((em) => record(em, input, plan));
  if (mailer) await emailPending(orm, mailer, recorded.keys);
  return recorded.notified;
}

/** The history row and the feed rows, once per request key (the task row lock serialises retries). */
async function record(
  em: EntityManager,
  input: { taskId: string; requestKey: string; message: string },
  plan: (task: TaskRecord, queue: WorkQueueRecord) => Notice,
): Promise<Recorded> {
  const task = await em.findOne(
    Task,
    { id: input.taskId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!task) throw businessRejection('TaskNotFound', `No task with id ${input.taskId}`);
  const earlier = await em.findOne(TaskHistory, { requestKey: input.requestKey });
  if (earlier) return alreadyRecorded(task.id, input.requestKey, earlier);
  if (task.status !== 'open') {
    // Decided while the timer fired: nobody needs reminding of a closed task.
    return {
      notified: { taskId: task.id, recipients: [], assignee: task.assignee ?? null, sent: false },
      keys: [],
    };
  }
  const queue = await em.findOneOrFail(WorkQueue, { code: task.queue });
  const notice = plan(task, queue);
  notice.apply(task);
  const labels = notice.recipients.map(recipientLabel);
  const assignee = task.assignee ?? null;
  em.create(TaskHistory, {
    taskId: task.id,
    action: notice.action,
    actor: 'system',
    requestKey: input.requestKey,
    details: { ...notice.details, message: input.message, recipients: labels, assignee },
  });
  const body = noticeBody(task, queue, input.message);
  for (const recipient of notice.recipients) {
    em.create(FeedNotification, {
      id: randomUUID(),
      requestKey: keyFor(input.requestKey, recipientLabel(recipient)),
      recipientUser: recipient.userId ?? null,
      recipientRole: recipient.role ?? null,
      kind: notice.kind,
      title: notice.title,
      body,
      subjectType: task.subjectType,
      subjectId: task.subjectId,
      taskId: task.id,
      emailedAt: null,
    });
  }
  return {
    notified: { taskId: task.id, recipients: labels, assignee, sent: true },
    keys: labels.map((label) => keyFor(input.requestKey, label)),
  };
}

function alreadyRecorded(taskId: string, requestKey: string, earlier: TaskHistoryRecord): Recorded {
  const recipients = (earlier.details['recipients'] as string[] | undefined) ?? [];
  const assignee = (earlier.details['assignee'] as string | null | undefined) ?? null;
  return {
    notified: { taskId, recipients, assignee, sent: false },
    keys: recipients.map((label) => keyFor(requestKey, label)),
  };
}

/** The feed entry's text; the email adds the link to the task (SmtpEmailAdapter appends it). */
function noticeBody(task: TaskRecord, queue: WorkQueueRecord, message: string): string {
  return [
    message,
    '',
    `Task: ${task.title}`,
    `Queue: ${queue.name}`,
    `Due: ${task.dueAt.toISOString()}`,
  ].join('\n');
}

const taskLink = (appUrl: string, taskId: string) => `${appUrl.replace(/\/$/, '')}/tasks/${taskId}`;

/**
 * Emails the feed rows of these keys that have not been emailed yet, marking each as it goes, so a
 * retry after a failure sends only what is missing. The first failure fails the activity.
 */
async function emailPending(orm: MikroORM, mailer: TaskMailer, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const em = orm.em.fork();
  const pending: FeedNotificationRecord[] = await em.find(
    FeedNotification,
    { requestKey: { $in: keys }, emailedAt: null },
    { orderBy: { requestKey: 'asc' } },
  );
  for (const notification of pending) {
    const label = notification.recipientRole
      ? `role:${notification.recipientRole}`
      : (notification.recipientUser ?? '');
    const recipient = recipientFromLabel(label);
    await mailer.port.send({
      recipient: { userId: label, email: emailAddressOf(recipient, mailer.domain) },
      subject: notification.title,
      body: notification.body,
      kind: notification.kind,
      ...(mailer.appUrl && notification.taskId
        ? { link: taskLink(mailer.appUrl, notification.taskId) }
        : {}),
      idempotencyKey: notification.requestKey,
    });
    notification.emailedAt = new Date();
    await em.flush();
  }
}
