import {
  ContractProcessController,
  SelfServiceContractSignatureController,
} from './contract-process.controllers.js';
import { ContractProcessRequests } from './contract-process-requests.service.js';
import { ContractCommandsController } from './contract-commands.controller.js';
import { ContractEndingsService } from './contract-endings.service.js';
import { ContractFlagsService, LicenceExpiryContractFlagger } from './contract-flags.service.js';
import { ContractIssueService } from './contract-issue.service.js';
import { ContractSuccessorsService } from './contract-successors.service.js';
import { ContractsController } from './contracts.controller.js';
import { ContractsService } from './contracts.service.js';
import {
  SelfServiceContractsController,
  SelfServiceContractsService,
} from './self-service-contracts.js';
import { CONTRACT_PROCESS } from './contract-process.port.js';
import { TemporalContractProcess } from './temporal-contract-process.js';

/** The contracts module's HTTP controllers and event consumers (CTR-1…CTR-7, SS-5, WF-3). */
export const CONTRACT_CONTROLLERS = [
  ContractsController,
  ContractCommandsController,
  SelfServiceContractsController,
  LicenceExpiryContractFlagger,
  ContractProcessController,
  SelfServiceContractSignatureController,
];

export const CONTRACT_SERVICES = [
  { provide: CONTRACT_PROCESS, useClass: TemporalContractProcess },
  ContractProcessRequests,
  ContractsService,
  ContractIssueService,
  ContractEndingsService,
  ContractSuccessorsService,
  ContractFlagsService,
  SelfServiceContractsService,
];
