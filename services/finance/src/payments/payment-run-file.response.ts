import { StreamableFile } from '@nestjs/common';
import type { PaymentRunFile } from './payment-runs.service.js';

/** The headers a file answer carries; a header-setting response of Express satisfies it. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * The bytes a run handed to the payment system, unchanged, as a download named like the run; its
 * SHA-256 (stored when the run was made) in `X-Content-SHA256` and `ETag`, so anyone can check
 * the file they hold is the one that left.
 */
export function paymentRunFileResponse(file: PaymentRunFile, response: HeaderSink): StreamableFile {
  response.setHeader('ETag', `"${file.sha256}"`);
  response.setHeader('X-Content-SHA256', file.sha256);
  return new StreamableFile(file.content, {
    type: file.mediaType,
    disposition: `attachment; filename="${file.fileName.replaceAll('"', '')}"`,
    length: file.content.byteLength,
  });
}
