import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { changingSomething, nameFilter, nameInput } from '../../shared/common.schemas.js';

const description = z.string().trim().max(2_000).nullable();

export const createServiceGroupBody = z
  .object({ name: nameInput, description: description.optional() })
  .strict();
export type CreateServiceGroupBody = z.infer<typeof createServiceGroupBody>;

export const updateServiceGroupBody = changingSomething(
  z.object({ name: nameInput.optional(), description: description.optional() }).strict(),
);
export type UpdateServiceGroupBody = z.infer<typeof updateServiceGroupBody>;

export const listServiceGroupsQuery = pageQuery.extend({ name: nameFilter });
export type ListServiceGroupsQuery = z.infer<typeof listServiceGroupsQuery>;

export const serviceGroupExample = {
  name: 'Foster care',
  description: 'Traditional and special-needs foster care',
};
