import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@platform/http';

const XML_TYPES = ['application/xml', 'text/xml'];
const TYPE_BASE = 'https://provider-platform.dev/problems/';

/** 415 unless the upload says it is XML (TAX-1: the taxonomy file is XML). */
export function refuseUnlessXml(contentType: string | undefined): void {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (XML_TYPES.includes(mediaType)) return;
  throw new ProblemException({
    type: `${TYPE_BASE}unsupported-media-type`,
    title: 'Unsupported media type',
    status: 415,
    rule: 'TAX-1',
    detail: `TAX-1: a taxonomy file is sent as ${XML_TYPES.join(' or ')}, not ${mediaType || 'nothing'}`,
    errors: [{ field: 'Content-Type', message: `TAX-1: expected ${XML_TYPES.join(' or ')}` }],
  });
}

export function tooLarge(maxBytes: number): ProblemException {
  return new ProblemException({
    type: `${TYPE_BASE}payload-too-large`,
    title: 'Taxonomy file too large',
    status: 413,
    rule: 'TAX-1',
    detail: `TAX-1: a taxonomy file may have at most ${maxBytes} bytes (TAXONOMY_IMPORT_MAX_BYTES)`,
    errors: [{ field: 'body', message: `TAX-1: at most ${maxBytes} bytes` }],
  });
}

/** What was read of an upload so far. */
export interface BodyMeter {
  bytes: number;
}

/**
 * The request body as it arrives, counted, refused with 413 as soon as it passes `maxBytes` (a
 * declared Content-Length above it is refused before reading). Ending the iteration early (a bad
 * file) leaves the stream open so the server can drain it and still answer the problem.
 */
export function meteredBody(
  request: IncomingMessage,
  maxBytes: number,
): { chunks: AsyncIterable<Uint8Array>; meter: BodyMeter } {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const meter: BodyMeter = { bytes: 0 };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of request.iterator({ destroyOnReturn: false })) {
      const bytes = chunk as Uint8Array;
      meter.bytes += bytes.byteLength;
      if (meter.bytes > maxBytes) throw tooLarge(maxBytes);
      yield bytes;
    }
  }
  return { chunks: chunks(), meter };
}
