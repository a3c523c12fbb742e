// `npm start`: the infrastructure is up and the code built (the npm script does both first); this
// starts the services and workers, loads demo data and prints where everything is.
import { readEndpointsFile } from '../infra/launcher/endpoints.mjs';
import { loadConfig } from '../infra/launcher/config.mjs';
import { ports, startApps } from './apps.mjs';
import { loadDemoData } from './demo-data.mjs';

const started = Date.now();
const progress = (message) =>
  console.log(`[start ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);

try {
  const endpoints = readEndpointsFile(loadConfig(process.env).endpointsFile);
  await startApps(progress);
  await loadDemoData(progress);
  console.log(`
Provider platform is running.

  Providers API   http://127.0.0.1:${ports.providers}   (OpenAPI: http://127.0.0.1:${ports.providers}/docs)
  Tasks API       http://127.0.0.1:${ports.tasks}   (OpenAPI: http://127.0.0.1:${ports.tasks}/docs)
  Finance API     http://127.0.0.1:${ports.finance}   (OpenAPI: http://127.0.0.1:${ports.finance}/docs)
  Placements API  http://127.0.0.1:${ports.placements}   (OpenAPI: http://127.0.0.1:${ports.placements}/docs)
  Taxonomy API    http://127.0.0.1:${ports.taxonomy}   (OpenAPI: http://127.0.0.1:${ports.taxonomy}/docs)
  Temporal UI     ${endpoints.temporal.uiUrl}
  Mail sink       smtp://127.0.0.1:${ports.mailSink}   (reminder and escalation emails: .infra/mail/*.eml)
  Tokens          curl 'http://127.0.0.1:${ports.devIssuer}/token?username=rm.rivera'
                  (users: curl http://127.0.0.1:${ports.devIssuer}/users)
  Logs            npm run infra:logs, or .infra/logs/<name>.log

Stop the services with \`npm stop\`, the infrastructure with \`npm run infra:down\`.`);
} catch (error) {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
}
