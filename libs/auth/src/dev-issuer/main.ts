import { authVars, DEFAULT_PORTS, httpPortVar, loadConfig } from '@platform/config';
import { z } from 'zod';
import { startDevIssuer } from './dev-issuer.js';

const config = loadConfig('dev-issuer', {
  ...authVars,
  DEV_ISSUER_PORT: httpPortVar(DEFAULT_PORTS.devIssuer),
  /** 127.0.0.1 by default; 0.0.0.0 inside a container. */
  DEV_ISSUER_HOST: z.string().min(1).default('127.0.0.1'),
  DEV_ISSUER_KEY_FILE: z.string().min(1).default('.infra/dev-issuer/key.json'),
});

const issuer = await startDevIssuer({
  port: config.DEV_ISSUER_PORT,
  host: config.DEV_ISSUER_HOST,
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  keyFile: config.DEV_ISSUER_KEY_FILE,
});
console.log(
  JSON.stringify({ level: 'log', context: 'dev-issuer', message: `listening on ${issuer.url}` }),
);
const stop = () => void issuer.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
