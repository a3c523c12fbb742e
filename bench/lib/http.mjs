// The one HTTP call the benchmarks make: JSON in, JSON out, bearer token; anything but 2xx throws
// with the start of the answer, so a failing request stops a run instead of skewing its figures.
export async function http(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
