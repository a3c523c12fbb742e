import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { Claims } from '../claims.js';
import { SEED_USERS, type SeedUser } from './seed-users.js';

export interface DevIssuerOptions {
  port: number;
  host?: string;
  issuer: string;
  audience: string;
  /** Keeps the signing key across restarts so issued tokens stay valid; omitted → in memory. */
  keyFile?: string;
  tokenTtlSeconds?: number;
}

export interface DevIssuer {
  url: string;
  jwksUrl: string;
  /** Signs a token for a seeded user (what POST /token does). */
  tokenFor(username: string): Promise<string>;
  close(): Promise<void>;
}

const KEY_ID = 'dev-issuer-1';
const ALG = 'ES256';

async function loadOrCreateKey(keyFile: string | undefined): Promise<JWK> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: ALG };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  return JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
}

/**
 * A development-only token issuer: publishes a JWKS and signs tokens for the seeded users. Services
 * verify its tokens exactly as they would an agency's identity provider (by JWKS URL).
 */
export async function startDevIssuer(options: DevIssuerOptions): Promise<DevIssuer> {
  const privateJwk = await loadOrCreateKey(options.keyFile);
  const signingKey = await importJWK(privateJwk, ALG);
  const { d: _private, ...publicJwk } = privateJwk;
  const users = new Map(SEED_USERS.map((user) => [user.username, user]));

  const sign = (user: SeedUser) =>
    new SignJWT({
      [Claims.name]: user.displayName,
      [Claims.roles]: user.roles,
      ...(user.providerId ? { [Claims.providerId]: user.providerId } : {}),
    })
      .setProtectedHeader({ alg: ALG, kid: KEY_ID })
      .setSubject(user.username)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime(`${options.tokenTtlSeconds ?? 8 * 3600}s`)
      .sign(signingKey);

  const tokenFor = async (username: string) => {
    const user = users.get(username);
    if (!user) throw new Error(`unknown user ${username}`);
    return sign(user);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (req.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
        return send(res, 200, { keys: [publicJwk] });
      }
      if (req.method === 'GET' && url.pathname === '/users') {
        return send(res, 200, { users: SEED_USERS });
      }
      if (url.pathname === '/token' && (req.method === 'POST' || req.method === 'GET')) {
        const username =
          req.method === 'POST'
            ? (await readJson(req))['username']
            : url.searchParams.get('username');
        if (typeof username !== 'string' || !users.has(username)) {
          return send(
            res,
            400,
            {
              type: 'about:blank',
              title: 'Unknown user',
              status: 400,
              detail: `username must be one of: ${[...users.keys()].join(', ')}`,
            },
            'application/problem+json',
          );
        }
        return send(res, 200, {
          access_token: await tokenFor(username),
          token_type: 'Bearer',
          expires_in: options.tokenTtlSeconds ?? 8 * 3600,
        });
      }
      return send(
        res,
        404,
        { type: 'about:blank', title: 'Not Found', status: 404 },
        'application/problem+json',
      );
    };
    handle().catch((error: unknown) =>
      send(res, 400, {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: String(error),
      }),
    );
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host}:${port}`;
  return {
    url,
    jwksUrl: `${url}/.well-known/jwks.json`,
    tokenFor,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
