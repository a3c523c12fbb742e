import { Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ZodValidationPipe } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { ContractEndingsService } from './contract-endings.service.js';
import { ContractFlagsService } from './contract-flags.service.js';
import { ContractIssueService } from './contract-issue.service.js';
import { CONTRACT_MANAGERS, CONTRACT_SUPERVISORS } from './contract-roles.js';
import { ContractSuccessorsService } from './contract-successors.service.js';
import {
  amendContractBody,
  cancelContractBody,
  renewContractBody,
  resolveFlagBody,
  terminateContractBody,
  type AmendContractBody,
  type CancelContractBody,
  type RenewContractBody,
  type ResolveFlagBody,
  type TerminateContractBody,
} from './contract.schemas.js';
import type { ContractView } from './contract.views.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

/** CTR-3…CTR-7: what staff do with a contract: issue, cancel, terminate, amend, renew, flags. */
@ApiTags('contracts')
@Controller('contracts/:id')
export class ContractCommandsController {
  constructor(
    @Inject(ContractIssueService) private readonly issuing: ContractIssueService,
    @Inject(ContractEndingsService) private readonly endings: ContractEndingsService,
    @Inject(ContractSuccessorsService) private readonly successors: ContractSuccessorsService,
    @Inject(ContractFlagsService) private readonly flags: ContractFlagsService,
  ) {}

  @Post('issue')
  @HttpCode(200)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Issue a contract in editing for signature; starts WF-3 (CTR-3, CTR-4)',
    description:
      'Checks the terms again (422 naming CTR-1/CTR-2: at least one covered service, unit rates ' +
      'for a utilization contract), renders the PDF and stores it with its SHA-256, and starts ' +
      'the publish–sign–activate process `contract/{id}`. Not editing: 409 naming CTR-3.',
  })
  issue(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContractView> {
    return this.issuing.issue(id, actor, correlationId);
  }

  @Post('cancel')
  @HttpCode(200)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Cancel a contract in editing or issued; final (CTR-3)',
    description:
      'Its current document becomes void and its process ends. Otherwise 409 naming CTR-3.',
  })
  cancel(
    @Param('id', idPipe) id: string,
    @ValidBody(cancelContractBody, { reason: 'Provider withdrew' }) body: CancelContractBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContractView> {
    return this.endings.cancel(id, body, actor, correlationId);
  }

  @Post('terminate')
  @HttpCode(200)
  @RequireRoles(...CONTRACT_SUPERVISORS)
  @ApiOperation({
    summary: 'Terminate an active contract on a day, with the reason (CTR-7)',
    description:
      'Only active contracts (409 naming CTR-3); the day lies within the period and not before ' +
      'activation (422 naming CTR-7). A fixed-fee contract’s cut-short payment is prorated on a ' +
      '30-day month (`finalPayment` of contract.terminated: 12,000.00 a year monthly, terminated ' +
      'on 15 March → 500.00).',
  })
  terminate(
    @Param('id', idPipe) id: string,
    @ValidBody(terminateContractBody, { terminatedOn: '2026-03-15', reason: 'Breach of contract' })
    body: TerminateContractBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContractView> {
    return this.endings.terminate(id, body, actor, correlationId);
  }

  @Post('amendments')
  @HttpCode(201)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Amend an active contract: a new version in editing (CTR-5)',
    description:
      'Same number, version + 1, every term copied and `changes` applied; it supersedes this ' +
      'version when it activates. A fixed-fee amount change is 422 naming CTR-5 (terminate and ' +
      'create a new contract); a second open amendment 409 naming CTR-5.',
  })
  amend(
    @Param('id', idPipe) id: string,
    @ValidBody(amendContractBody, { changes: { placeLimit: 12 }, reason: 'Two more places' })
    body: AmendContractBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContractView> {
    return this.successors.amend(id, body, actor, correlationId);
  }

  @Post('renewals')
  @HttpCode(201)
  @RequireRoles(...CONTRACT_SUPERVISORS)
  @ApiOperation({
    summary: 'Renew an active contract: a new contract from the day after it ends (CTR-6)',
    description:
      'A new number; as long as the renewed period unless `periodTo` is given; terms copied, ' +
      'unit rates re-based (each service’s latest rate over the whole renewal), `changes` applied.',
  })
  renew(
    @Param('id', idPipe) id: string,
    @ValidBody(renewContractBody, {}) body: RenewContractBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContractView> {
    return this.successors.renew(id, body, actor, correlationId);
  }

  @Post('flags/:flagId/resolve')
  @HttpCode(200)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({ summary: "Resolve a contract's flag, saying how (CTR-2)" })
  resolveFlag(
    @Param('id', idPipe) id: string,
    @Param('flagId', idPipe) flagId: string,
    @ValidBody(resolveFlagBody, { resolution: 'Licence renewed on 2027-01-05' })
    body: ResolveFlagBody,
    @CurrentActor() actor: Actor,
  ): Promise<ContractView> {
    return this.flags.resolve(id, flagId, body, actor);
  }
}
