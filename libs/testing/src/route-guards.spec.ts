import { describe, expect, it } from '@jest/globals';
import {
  concretePath,
  documentedOperations,
  forbiddenRoleProbes,
  pathParameters,
  probesNotForbidden,
  unguardedOperations,
  type OpenApiDocument,
} from './route-guards.js';

const document: OpenApiDocument = {
  paths: {
    '/providers': {
      get: { 'x-required-roles': ['resource-manager', 'provider'] },
      post: { 'x-required-roles': ['resource-manager'] },
    },
    '/providers/{id}/members/{memberId}': { delete: {} },
    '/inquiries': { post: { 'x-public': true } },
  },
};

describe('route guards read from the OpenAPI document', () => {
  it('ROLE: every operation is listed with its roles or its public mark', () => {
    expect(documentedOperations(document)).toEqual([
      {
        method: 'GET',
        path: '/providers',
        public: false,
        requiredRoles: ['resource-manager', 'provider'],
      },
      { method: 'POST', path: '/providers', public: false, requiredRoles: ['resource-manager'] },
      {
        method: 'DELETE',
        path: '/providers/{id}/members/{memberId}',
        public: false,
        requiredRoles: null,
      },
      { method: 'POST', path: '/inquiries', public: true, requiredRoles: null },
    ]);
  });

  it('ROLE: an operation without roles that is not public is reported as unguarded', () => {
    expect(unguardedOperations(documentedOperations(document))).toEqual([
      'DELETE /providers/{id}/members/{memberId}',
    ]);
  });

  it('ROLE: each guarded operation gets one probe per role it does not name', () => {
    const probes = forbiddenRoleProbes(
      documentedOperations(document),
      ['resource-manager', 'provider', 'operator'],
      (name) => `<${name}>`,
    );
    expect(probes).toEqual([
      { method: 'GET', path: '/providers', role: 'operator' },
      { method: 'POST', path: '/providers', role: 'provider' },
      { method: 'POST', path: '/providers', role: 'operator' },
    ]);
  });

  it('fills path parameters by name, else from the fallback, URL-encoded', () => {
    expect(pathParameters('/providers/{id}/members/{memberId}')).toEqual(['id', 'memberId']);
    expect(
      concretePath('/providers/{id}/members/{memberId}', { id: 'p 1' }, (name) => `x-${name}`),
    ).toBe('/providers/p%201/members/x-memberId');
  });

  it('ROLE: a probe answered with anything but 403 is listed, as the user of its role', async () => {
    const sent: string[] = [];
    const wrong = await probesNotForbidden(
      [
        { method: 'GET', path: '/providers', role: 'operator' },
        { method: 'POST', path: '/providers', role: 'provider' },
      ],
      (role) => `user-${role}`,
      async (method, path, options) => {
        sent.push(`${method} ${path} ${options.user} ${JSON.stringify(options.body)}`);
        return { status: method === 'GET' ? 403 : 201 };
      },
    );
    expect(wrong).toEqual(['POST /providers as provider: 201']);
    expect(sent).toEqual([
      'GET /providers user-operator undefined',
      'POST /providers user-provider {}',
    ]);
  });
});
