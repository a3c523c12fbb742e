// `npm start` runs this: a local SMTP sink the tasks service sends its reminder and escalation
// emails to, writing each message as an .eml file a person can open (nothing leaves the machine).
import { httpPortVar, loadConfig } from '@platform/config';
import { z } from 'zod';
import { SmtpSink } from './smtp-sink.js';

const config = loadConfig('mail-sink', {
  MAIL_SINK_PORT: httpPortVar(2525),
  MAIL_SINK_DIR: z.string().min(1).default('.infra/mail'),
});

const sink = await SmtpSink.start({ port: config.MAIL_SINK_PORT, mailDir: config.MAIL_SINK_DIR });
console.log(
  JSON.stringify({
    level: 'log',
    context: 'mail-sink',
    message: `listening on ${sink.url}, writing messages to ${config.MAIL_SINK_DIR}`,
  }),
);
const stop = () => void sink.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
