import { StreamableFile } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundProblem } from '@platform/http';
import { ContractDocument, type ContractRecord } from './contract.entities.js';

/** A stored contract PDF and what its response says about it. */
export interface DocumentFile {
  contractNumber: string;
  version: number;
  issueNumber: number;
  sha256: string;
  void: boolean;
  content: Buffer;
}

/**
 * CTR-4: a document of the contract — the current one (`documentId` null), or any issued one,
 * void ones included (what was sent and possibly signed before a re-issue stays readable).
 */
export async function loadDocumentFile(
  em: EntityManager,
  contract: ContractRecord,
  documentId: string | null,
): Promise<DocumentFile> {
  const document = await em.findOne(
    ContractDocument,
    documentId
      ? { id: documentId, contractId: contract.id }
      : { contractId: contract.id, voidedAt: null },
    { populate: ['content'] },
  );
  if (!document) {
    throw documentId
      ? new NotFoundProblem('Contract document', documentId)
      : new NotFoundProblem('Current document of contract', contract.id);
  }
  return {
    contractNumber: contract.contractNumber,
    version: contract.version,
    issueNumber: document.issueNumber,
    sha256: document.sha256,
    void: document.voidedAt != null,
    content: Buffer.from(document.content),
  };
}

/** The headers a PDF answer carries; a header-setting response of Express satisfies it. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * CTR-4 / SS-5: the PDF as an HTTP answer: shown inline, named after the contract, with its
 * SHA-256 (the hash a signature is bound to) as `ETag` and `X-Document-SHA256`, and
 * `X-Document-Void: true` when a re-issue or cancellation voided it.
 */
export function documentResponse(file: DocumentFile, response: HeaderSink): StreamableFile {
  const name = `${file.contractNumber}-v${file.version}-issue${file.issueNumber}.pdf`;
  response.setHeader('ETag', `"${file.sha256}"`);
  response.setHeader('X-Document-SHA256', file.sha256);
  if (file.void) response.setHeader('X-Document-Void', 'true');
  return new StreamableFile(file.content, {
    type: 'application/pdf',
    disposition: `inline; filename="${name}"`,
    length: file.content.byteLength,
  });
}
