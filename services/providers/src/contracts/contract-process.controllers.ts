import { Controller, Headers, HttpCode, Inject, Ip, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, ContractDocumentIssued, ContractSignatureRecorded } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ZodValidationPipe } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { ContractProcessRequests } from './contract-process-requests.service.js';
import {
  reissueContractBody,
  reissueContractExample,
  signContractBody,
  wetSignatureBody,
  type ReissueContractBody,
  type SignContractBody,
  type WetSignatureBody,
} from './contract-process.schemas.js';
import { CONTRACT_MANAGERS } from './contract-roles.js';
import type { ContractView } from './contract.views.js';

const idPipe = new ZodValidationPipe(idParam, 'path');
const EXAMPLE_SHA256 = 'a3f5c0e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6';
const IDEMPOTENCY =
  'Send an `Idempotency-Key` header (a UUID) to make a retried request the same step.';

/** WF-3: the steps staff take in a contract's publish–sign–activate process (CTR-3, CTR-4). */
@ApiTags('contracts')
@Controller('contracts')
export class ContractProcessController {
  constructor(
    @Inject(ContractProcessRequests) private readonly requests: ContractProcessRequests,
  ) {}

  @Post(':id/wet-signature')
  @HttpCode(201)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Record a signature received on paper on the current document (SS-5, CTR-4)',
    description:
      '`documentSha256` names the document signed: a document re-issued since is refused (409 ' +
      'CTR-4 naming documentSha256). `receivedOn` is the day the paper arrived. ' +
      IDEMPOTENCY,
  })
  recordWetSignature(
    @Param('id', idPipe) id: string,
    @ValidBody(wetSignatureBody, {
      documentSha256: EXAMPLE_SHA256,
      typedName: 'Dana Whitfield',
      receivedOn: '2026-03-14',
    })
    body: WetSignatureBody,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ContractSignatureRecorded> {
    return this.requests.recordWetSignature(id, body, actor, { idempotencyKey, ip });
  }

  @Post(':id/reissue')
  @HttpCode(201)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Re-issue an issued contract with changed terms and a reason (CTR-3)',
    description:
      '`changes` as in PATCH /contracts/:id (400 naming `changes.<field>`; 422 naming the rule). ' +
      'A new document is rendered; the previous one and any signature on it become void, and ' +
      'the provider has the signature period again (WF-3). ' +
      IDEMPOTENCY,
  })
  reissue(
    @Param('id', idPipe) id: string,
    @ValidBody(reissueContractBody, reissueContractExample) body: ReissueContractBody,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ContractDocumentIssued> {
    return this.requests.reissue(id, body, actor, { idempotencyKey });
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Activate the signed contract (CTR-3, CTR-4, CTR-2)',
    description:
      'Checked in one transaction: the current document signed, the provider and every covered ' +
      'service approved, a valid licence of each required type today. Refused: 422 naming CTR-4 ' +
      'with every reason in `refusals`. Activated: the contract (status active); fixed-fee ' +
      'payments start (FIN-11) and an amendment supersedes the version it amends (CTR-5). ' +
      IDEMPOTENCY,
  })
  activate(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ContractView> {
    return this.requests.activate(id, actor, { idempotencyKey });
  }
}

/** SS-5: a provider signs the contracts issued to it. */
@ApiTags('self-service')
@Controller('self-service/contracts')
export class SelfServiceContractSignatureController {
  constructor(
    @Inject(ContractProcessRequests) private readonly requests: ContractProcessRequests,
  ) {}

  @Post(':id/signature')
  @HttpCode(201)
  @RequireRoles('provider')
  @ApiOperation({
    summary: "Sign the provider's issued contract electronically (SS-5, CTR-4)",
    description:
      'Type your name, accept the consent statement (`consent: true`) and name the SHA-256 of ' +
      'the document you reviewed: a document re-issued since is refused (409 CTR-4 naming ' +
      'documentSha256). Answers the tamper-evident signature record. ' +
      IDEMPOTENCY,
  })
  sign(
    @Param('id', idPipe) id: string,
    @ValidBody(signContractBody, {
      documentSha256: EXAMPLE_SHA256,
      typedName: 'Dana Whitfield',
      consent: true,
    })
    body: SignContractBody,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ContractSignatureRecorded> {
    return this.requests.sign(id, body, actor, { idempotencyKey, ip });
  }
}
