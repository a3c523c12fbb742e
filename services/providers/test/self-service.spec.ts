import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { insertDemoProvider } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
});

afterAll(async () => {
  await app?.close();
});

interface Overview {
  provider: { id: string; name: string };
  links: Record<string, string>;
}

describe("a provider's self-service view (SS-3)", () => {
  it('SS-3: the provider sees its own record, and every link it is given answers', async () => {
    const overview = await app.request<Overview>('GET', '/self-service/provider', {
      user: 'provider.sunrise',
    });
    expect(overview.status).toBe(200);
    expect(overview.body.provider).toMatchObject({
      id: DEMO_PROVIDER_ID,
      name: 'Sunrise Day Care',
    });
    const links = Object.entries(overview.body.links);
    expect(links.length).toBeGreaterThanOrEqual(10);
    const broken: string[] = [];
    for (const [name, path] of links) {
      const response = await app.request('GET', path, { user: 'provider.sunrise' });
      if (response.status !== 200) broken.push(`${name} ${path}: ${response.status}`);
    }
    expect(broken).toEqual([]);
  });

  it('SS-3: the overview is for provider accounts; staff use the provider endpoints', async () => {
    const staff = await app.request('GET', '/self-service/provider', { user: 'rm.rivera' });
    expect(staff.status).toBe(403);
  });
});
