import type { TasksApp } from './tasks-app.js';

/** An item of `GET /notifications/mine`, as the in-app feed answers it. */
export interface FeedItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  taskId: string | null;
  recipient: { userId?: string; role?: string };
  read: boolean;
}

export interface FeedPage {
  items: FeedItem[];
  total: number;
  limit: number;
  offset: number;
}

/** The user's feed page for a query string (e.g. `taskId=…&unread=true`), whatever the status. */
export function feedRequest(app: TasksApp, user: string, query: string) {
  return app.request<FeedPage>('GET', `/notifications/mine?${query}`, { user });
}
