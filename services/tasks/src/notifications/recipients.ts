import type { Role } from '@platform/contracts';

/** Who a notification is addressed to: one user, or everyone holding a role. */
export type Recipient = { userId: string; role?: never } | { role: Role; userId?: never };

/** How a recipient is named in `TaskNotified.recipients` and in request keys. */
export function recipientLabel(recipient: Recipient): string {
  return recipient.role ? `role:${recipient.role}` : recipient.userId;
}

export function recipientFromLabel(label: string): Recipient {
  return label.startsWith('role:')
    ? { role: label.slice('role:'.length) as Role }
    : { userId: label };
}

/**
 * The email address of a recipient. There is no user directory yet (users are known from their
 * tokens only), so addresses follow a convention on the agency's mail domain: `<userId>@domain`
 * for a person and `<role>@domain` for a role's shared mailbox (a distribution list).
 */
export function emailAddressOf(recipient: Recipient, domain: string): string {
  return `${recipient.role ?? recipient.userId}@${domain}`;
}
