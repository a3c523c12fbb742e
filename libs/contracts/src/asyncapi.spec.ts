import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildAsyncApiDocument } from './asyncapi.js';
import { EVENT_CATALOG } from './event-catalog.js';

describe('AsyncAPI catalogue (ARCHITECTURE rule 3)', () => {
  const document = buildAsyncApiDocument();

  it('lists every event contract as a message on its aggregate topic', () => {
    expect(Object.keys(document.components.messages).sort()).toEqual(
      EVENT_CATALOG.map((d) => `${d.type}.v${d.version}`).sort(),
    );
    expect(document.channels['providers-provider-inquiry']).toMatchObject({
      address: 'providers.provider-inquiry',
    });
  });

  it('is the document committed in docs/asyncapi.json (run `npm run asyncapi` after a change)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../../docs/asyncapi.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
