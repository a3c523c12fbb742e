import { Controller, Inject, Injectable, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  licenceExpired,
  type Actor,
  type EventData,
  type EventEnvelope,
} from '@platform/contracts';
import { NotFoundProblem, RuleViolation } from '@platform/http';
import { OnEvent, type InboxContext } from '@platform/messaging';
import { flagContractsForExpiredLicence } from './contract-flags.js';
import { recordContractHistory } from './contract-history.js';
import { ContractFlag } from './contract.entities.js';
import { findContract } from './contract.lookup.js';
import type { ResolveFlagBody } from './contract.schemas.js';
import type { ContractView } from './contract.views.js';
import { staffContractView } from './contracts.service.js';

/** CTR-2: a resource manager settles a contract's flag (the licence renewed, or the contract ended). */
@Injectable()
export class ContractFlagsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  resolve(
    contractId: string,
    flagId: string,
    body: ResolveFlagBody,
    actor: Actor,
  ): Promise<ContractView> {
    return this.orm.em.fork().transactional(async (em) => {
      const contract = await findContract(em, contractId, { forUpdate: true });
      const flag = await em.findOne(ContractFlag, { id: flagId, contractId });
      if (!flag) throw new NotFoundProblem('Contract flag', flagId);
      if (flag.resolvedAt) {
        throw new RuleViolation(
          'CTR-2',
          `The flag was already resolved by ${flag.resolvedBy ?? 'someone'} on ${flag.resolvedAt.toISOString()}`,
        );
      }
      flag.resolvedAt = new Date();
      flag.resolvedBy = actor.userId;
      flag.resolution = body.resolution;
      recordContractHistory(em, contract, {
        action: 'resolve-flag',
        from: contract.status,
        reason: body.resolution,
        details: { flagId },
        actor: actor.userId,
      });
      await em.flush();
      return staffContractView(em, contract);
    });
  }
}

/**
 * CTR-2 / WF-2: `licence.expired` flags the active contracts that require the licence's type. The
 * inbox delivers each event once, in the transaction of its effect (ARCHITECTURE rule 2).
 */
@Controller()
export class LicenceExpiryContractFlagger {
  private readonly logger = new Logger(LicenceExpiryContractFlagger.name);

  @OnEvent(licenceExpired)
  async onLicenceExpired(
    @Payload() envelope: EventEnvelope<EventData<typeof licenceExpired>>,
    @Ctx() context: InboxContext,
  ): Promise<void> {
    const flags = await flagContractsForExpiredLicence(context.em, envelope);
    this.logger.log(
      `licence ${envelope.data.licenceId} expired: ${flags.length} active contract(s) flagged`,
    );
  }
}
