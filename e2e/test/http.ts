/** A small JSON client for the platform's HTTP APIs. */
export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  body: T;
}

export async function call<T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  options: {
    token?: string;
    body?: unknown;
    /** Sent as is with its content type (e.g. a taxonomy XML file) instead of JSON. */
    raw?: { contentType: string; data: string };
  } = {},
): Promise<HttpResult<T>> {
  const json = options.body !== undefined ? JSON.stringify(options.body) : undefined;
  const contentType = options.raw?.contentType ?? (json !== undefined ? 'application/json' : null);
  const body = options.raw?.data ?? json;
  const response = await fetch(url, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : {}) as T,
  };
}

/** The raw bytes of a download (e.g. a contract's PDF) with the response's headers. */
export async function download(
  url: string,
  token: string,
): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}
