import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { z } from 'zod';
import {
  AuthModule,
  CurrentActor,
  Public,
  RequireRoles,
  startDevIssuer,
  type DevIssuer,
} from '@platform/auth';
import type { Actor } from '@platform/contracts';
import { createHttpApp } from './create-http-app.js';
import { HealthModule } from './health.js';
import { NotFoundProblem, RuleViolation } from './problems.js';
import { ValidBody } from './zod-validation.js';

const body = z.object({ name: z.string().min(1), count: z.number().int().positive() }).strict();

@Controller('things')
class ThingsController {
  @Post()
  @RequireRoles('resource-manager')
  create(@ValidBody(body) input: z.infer<typeof body>, @CurrentActor() actor: Actor) {
    return { ...input, createdBy: actor.userId };
  }

  @Get('missing')
  @RequireRoles('resource-manager')
  missing() {
    throw new NotFoundProblem('Thing', '42');
  }

  @Get('refused')
  @Public()
  refused() {
    throw new RuleViolation('PRV-1', 'A suspended provider cannot be authorised for new services');
  }

  @Get('refused-field')
  @Public()
  refusedField() {
    throw new RuleViolation('CRD-5', 'issuedOn: a certification is not issued in the future', 422, [
      { field: 'issuedOn', message: 'CRD-5: not in the future' },
    ]);
  }

  @Get('bug')
  @Public()
  bug() {
    throw new TypeError('secret internal detail');
  }
}

let issuer: DevIssuer;
let app: INestApplication;
let baseUrl: string;

beforeAll(async () => {
  issuer = await startDevIssuer({ port: 0, issuer: 'urn:t', audience: 'a' });
  @Module({
    imports: [
      AuthModule.forRoot({ jwksUrl: issuer.jwksUrl, issuer: 'urn:t', audience: 'a' }),
      HealthModule.forChecks(() => ({
        database: async () => undefined,
        broker: async () => {
          throw new Error('connection refused');
        },
      })),
    ],
    controllers: [ThingsController],
  })
  class TestModule {}
  app = await createHttpApp(TestModule, {
    service: 'test',
    title: 't',
    description: 'd',
    logLevel: 'fatal',
  });
  await app.listen(0, '127.0.0.1');
  baseUrl = await app.getUrl();
});

afterAll(async () => {
  await app?.close();
  await issuer?.close();
});

async function request(
  method: string,
  path: string,
  options: { user?: string; json?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  if (options.user) headers['authorization'] = `Bearer ${await issuer.tokenFor(options.user)}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('HTTP edge (ARCHITECTURE rule 9: bad input gets a clear 4xx)', () => {
  it('accepts a valid body and knows the caller', async () => {
    const response = await request('POST', '/things', {
      user: 'rm.rivera',
      json: { name: 'a', count: 2 },
    });
    expect(response).toMatchObject({
      status: 201,
      body: { name: 'a', count: 2, createdBy: 'rm.rivera' },
    });
  });

  it('answers an invalid body with 400 problem+json naming every field', async () => {
    const response = await request('POST', '/things', {
      user: 'rm.rivera',
      json: { name: '', count: 1.5, colour: 'red' },
    });
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/problem+json');
    expect(response.body['errors']).toEqual([
      { field: 'name', message: expect.any(String) },
      { field: 'count', message: expect.any(String) },
      { field: '(root)', message: expect.stringContaining('colour') },
    ]);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await fetch(`${baseUrl}/things`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await issuer.tokenFor('rm.rivera')}`,
      },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('401 without a token, 403 with the wrong role, naming the roles needed (ROLE)', async () => {
    expect((await request('POST', '/things', { json: {} })).status).toBe(401);
    const forbidden = await request('POST', '/things', { user: 'cw.chen', json: {} });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body['detail']).toContain('resource-manager');
  });

  it('404 names what was not found; a rule refusal names its rule id', async () => {
    expect(await request('GET', '/things/missing', { user: 'rm.rivera' })).toMatchObject({
      status: 404,
      body: { title: 'Thing not found', detail: 'No thing with id 42' },
    });
    expect(await request('GET', '/things/refused')).toMatchObject({
      status: 409,
      body: { rule: 'PRV-1', title: 'Refused by rule PRV-1' },
    });
    expect((await request('GET', '/things/refused')).body).not.toHaveProperty('errors');
  });

  it('a rule refusal about what the request says names the field too', async () => {
    expect(await request('GET', '/things/refused-field')).toMatchObject({
      status: 422,
      body: {
        rule: 'CRD-5',
        errors: [{ field: 'issuedOn', message: 'CRD-5: not in the future' }],
      },
    });
  });

  it('a bug is a 500 that does not leak internals', async () => {
    const response = await request('GET', '/things/bug');
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('secret internal detail');
  });

  it('health is 503 naming the dependency that is down', async () => {
    expect(await request('GET', '/health')).toEqual({
      status: 503,
      type: expect.stringContaining('application/json'),
      body: { status: 'down', checks: { database: 'up', broker: 'down: connection refused' } },
    });
  });
});
