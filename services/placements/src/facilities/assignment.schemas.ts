import { z } from 'zod';
import { pageQuery, textInput, uuidInput, ZodValidationPipe } from '@platform/http';

/** ROLE: a facility manager (by user id) manages the facilities of an assigned provider. */
export const createAssignmentBody = z
  .object({ userId: textInput(100), providerId: uuidInput })
  .strict();
export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;
export const createAssignmentExample = {
  userId: 'fm.fischer',
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
};

export const listAssignmentsQuery = pageQuery
  .extend({ userId: textInput(100).optional(), providerId: uuidInput.optional() })
  .strict();
export type ListAssignmentsQuery = z.infer<typeof listAssignmentsQuery>;

/** The `userId` path parameter of DELETE /facility-manager-assignments/:userId/:providerId. */
export const userIdPipe = new ZodValidationPipe(textInput(100), 'path');
