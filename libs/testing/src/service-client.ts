import { randomUUID } from 'node:crypto';
import type { HttpMethod } from './route-guards.js';

export interface RequestOptions {
  /** A seeded user name; its bearer token is sent. None: an anonymous request. */
  user?: string;
  body?: unknown;
  /** A body sent as is with its content type (an XML file, a CSV …) instead of JSON. */
  raw?: { contentType: string; data: string | Uint8Array };
}

/** An HTTP answer of a service: status, content type and the parsed JSON body. */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  body: T;
}

export type ServiceRequest = <T = Record<string, unknown>>(
  method: HttpMethod,
  path: string,
  options?: RequestOptions,
) => Promise<Reply<T>>;

/**
 * How integration tests call a service over HTTP, as a client would. A 5xx throws: no server error
 * is acceptable anywhere in a suite, so it fails the test that caused it.
 */
export function serviceRequest(
  baseUrl: string,
  tokenFor: (user: string) => Promise<string>,
): ServiceRequest {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { 'x-request-id': randomUUID() };
    if (options.user) headers['authorization'] = `Bearer ${await tokenFor(options.user)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.raw) headers['content-type'] = options.raw.contentType;
    const body = options.raw
      ? options.raw.data
      : options.body !== undefined
        ? JSON.stringify(options.body)
        : undefined;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    if (response.status >= 500) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: (text ? JSON.parse(text) : {}) as never,
    };
  };
}
