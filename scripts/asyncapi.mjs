// Writes the event catalogue of libs/contracts as docs/asyncapi.json (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { buildAsyncApiDocument } from '@platform/contracts';

const target = new URL('../docs/asyncapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
