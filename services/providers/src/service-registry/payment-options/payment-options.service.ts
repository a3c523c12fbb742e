import { Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  paymentOptions as paymentOptionsSchema,
  serviceProductPaymentOptionsChanged,
  type Actor,
  type PaymentOptions,
} from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { eventOrigin } from '../../shared/event-origin.js';
import { markUpdated } from '../../shared/audit.js';
import { findServiceProduct } from '../service-products/service-product.lookup.js';
import {
  serviceProductView,
  type ServiceProductView,
} from '../service-products/service-product.view.js';

@Injectable()
export class PaymentOptionsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * SVC-3: replaces the product's default payment options. Finance reassesses past payments when
   * they change (FIN-12), so a real change is announced; repeating the stored options is not.
   */
  async replace(
    productId: string,
    options: PaymentOptions,
    actor: Actor,
    correlationId?: string,
  ): Promise<ServiceProductView> {
    return this.orm.em.fork().transactional(async (em) => {
      const product = await findServiceProduct(em, productId, { forUpdate: true });
      const previous = paymentOptionsSchema.parse(product.paymentOptions);
      if (isDeepStrictEqual(previous, options)) return serviceProductView(product);
      product.paymentOptions = options;
      markUpdated(product, actor);
      recordEvent(em, serviceProductPaymentOptionsChanged, {
        aggregateId: product.id,
        ...eventOrigin(actor, correlationId),
        data: { productId: product.id, paymentOptions: options, previousPaymentOptions: previous },
      });
      return serviceProductView(product);
    });
  }
}
