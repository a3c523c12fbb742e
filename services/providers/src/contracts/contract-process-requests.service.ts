import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type {
  Actor,
  ContractActor,
  ContractDocumentIssued,
  ContractSignatureRecorded,
} from '@platform/contracts';
import {
  ProblemException,
  RuleViolation,
  ValidationProblem,
  type ProblemDetails,
} from '@platform/http';
import { todayDate } from '../shared/today.js';
import { parseContractChanges } from './contract-changes.js';
import { CONTRACT_PROCESS, type ContractProcess } from './contract-process.port.js';
import type {
  ReissueContractBody,
  SignContractBody,
  WetSignatureBody,
} from './contract-process.schemas.js';
import type { ContractRecord } from './contract.entities.js';
import { findContract } from './contract.lookup.js';
import type { ContractView } from './contract.views.js';
import { staffContractView } from './contracts.service.js';
import { ownIssuedContract } from './self-service-contracts.js';
import { ELECTRONIC_SIGNATURE_CONSENT } from './signature-record.js';

/** Where a request came from, kept with what it records. */
export interface RequestOrigin {
  /** The client's `Idempotency-Key` header: the step's id when it is a UUID. */
  idempotencyKey?: string | undefined;
  /** The client's IP address, kept with a signature (SS-5). */
  ip?: string | null | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A retried request with the same `Idempotency-Key` is the same step (WF-3 records it once). */
function stepId(origin: RequestOrigin): string {
  const key = origin.idempotencyKey?.trim();
  return key && UUID.test(key) ? key.toLowerCase() : randomUUID();
}

const contractActor = (actor: Actor): ContractActor => ({
  userId: actor.userId,
  roles: [...actor.roles],
  providerId: actor.providerId ?? null,
  displayName: actor.displayName ?? null,
});

/** CTR-3: signing, re-issuing and activating are steps of an issued contract only (else 409). */
function onlyIssued(contract: ContractRecord): ContractRecord {
  if (contract.status !== 'issued') {
    throw new RuleViolation(
      'CTR-3',
      `Contract ${contract.contractNumber} is ${contract.status}; this step is taken only while it is issued`,
    );
  }
  return contract;
}

/** CTR-4: the activation was refused; every reason is listed, and given as `refusals`. */
export class ActivationRefused extends ProblemException {
  constructor(contract: ContractRecord, refusals: string[]) {
    const { problem } = new RuleViolation(
      'CTR-4',
      `Contract ${contract.contractNumber} cannot be activated: ${refusals.join('; ')}`,
      422,
    );
    super({ ...problem, refusals } as ProblemDetails);
  }
}

/**
 * WF-3's steps as the HTTP API hands them to the process (ADR 0016): it checks what it can see —
 * the caller may see the contract (another provider's, or a draft: 404, ROLE-2), the contract is
 * issued (409 CTR-3), the body (400) — then sends the step to the contract's process through the
 * `ContractProcess` port, whose validators and activities check the rest under a row lock.
 */
@Injectable()
export class ContractProcessRequests {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(CONTRACT_PROCESS) private readonly process: ContractProcess,
  ) {}

  /** SS-5: the provider's own electronic signature on its issued contract. */
  async sign(
    contractId: string,
    body: SignContractBody,
    actor: Actor,
    origin: RequestOrigin,
  ): Promise<ContractSignatureRecorded> {
    // ROLE-2: another provider's contract, or a draft, is 404 as if it did not exist.
    const contract = onlyIssued(await ownIssuedContract(this.orm.em.fork(), actor, contractId));
    return this.process.sign(contract.id, {
      signatureId: stepId(origin),
      documentSha256: body.documentSha256,
      method: 'electronic',
      typedName: body.typedName,
      consentStatement: ELECTRONIC_SIGNATURE_CONSENT,
      receivedOn: null,
      signedBy: contractActor(actor),
      origin: origin.ip ?? null,
    });
  }

  /** SS-5 / CTR-4: a signature received on paper, recorded by a resource manager. */
  async recordWetSignature(
    contractId: string,
    body: WetSignatureBody,
    actor: Actor,
    origin: RequestOrigin,
  ): Promise<ContractSignatureRecorded> {
    if (body.receivedOn > todayDate()) {
      throw new ValidationProblem([
        {
          field: 'receivedOn',
          message: 'SS-5: the day the signed paper arrived, not a future day',
        },
      ]);
    }
    const contract = await this.issued(contractId);
    return this.process.sign(contract.id, {
      signatureId: stepId(origin),
      documentSha256: body.documentSha256,
      method: 'wet',
      typedName: body.typedName,
      consentStatement: null,
      receivedOn: body.receivedOn,
      signedBy: contractActor(actor),
      origin: origin.ip ?? null,
    });
  }

  /** CTR-3: re-issue with a reason and changed terms; the old document becomes void. */
  async reissue(
    contractId: string,
    body: ReissueContractBody,
    actor: Actor,
    origin: RequestOrigin,
  ): Promise<ContractDocumentIssued> {
    parseContractChanges(body.changes);
    const contract = await this.issued(contractId);
    return this.process.reissue(contract.id, {
      requestId: stepId(origin),
      reason: body.reason,
      changes: body.changes,
      requestedBy: contractActor(actor),
    });
  }

  /** CTR-4: activation; the activated contract, or 422 with every reason it was refused. */
  async activate(contractId: string, actor: Actor, origin: RequestOrigin): Promise<ContractView> {
    const contract = await this.issued(contractId);
    const outcome = await this.process.activate(contract.id, {
      requestId: stepId(origin),
      activatedBy: contractActor(actor),
    });
    if (!outcome.activated) throw new ActivationRefused(contract, outcome.refusals);
    const em = this.orm.em.fork();
    return staffContractView(em, await findContract(em, contract.id));
  }

  /** The contract, for staff: unknown → 404, not issued → 409 CTR-3. */
  private async issued(contractId: string): Promise<ContractRecord> {
    return onlyIssued(await findContract(this.orm.em.fork(), contractId));
  }
}
