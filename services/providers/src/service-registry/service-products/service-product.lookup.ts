import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundProblem } from '@platform/http';
import { ServiceProduct, type ServiceProductRecord } from './service-product.entity.js';

export const SERVICE_PRODUCT = 'Service product';

/**
 * The product, locked for the rest of the transaction when `forUpdate`: every change to a product
 * or its rates takes this lock first, so two concurrent rate changes cannot both pass the SVC-2
 * overlap check, and no change is lost.
 */
export async function findServiceProduct(
  em: EntityManager,
  id: string,
  { forUpdate = false } = {},
): Promise<ServiceProductRecord> {
  const product = await em.findOne(
    ServiceProduct,
    { id },
    forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!product) throw new NotFoundProblem(SERVICE_PRODUCT, id);
  // Populated separately: a row lock cannot be taken through the outer join of a collection.
  await em.populate(product, ['serviceGroups']);
  return product;
}
