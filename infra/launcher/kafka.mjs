// Kafka: a single KRaft node (broker + controller in one JVM), run straight from the jars.
// No Kafka distribution is needed: the jars come from Maven Central (infra/kafka/pom.xml) and
// are cached, so a fresh clone or CI run only pays the download once per machine.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { KAFKA_VERSION, dataDirOf, logFile, pidFile } from './config.mjs';
import {
  assertPortsFree,
  livePid,
  portOpen,
  readLogSince,
  removeFile,
  removeStaleTemps,
  runLogged,
  runOrThrow,
  spawnDetached,
  stopProcess,
  waitUntil,
  which,
} from './process.mjs';

const NAME = 'kafka';
const START_TIMEOUT_MS = 90000;
const STARTED_PATTERN = /Kafka Server started/;

const cacheLibs = (cfg) => path.join(cfg.cacheDir, `kafka-${KAFKA_VERSION}`, 'libs');

// A half-finished download never gets here (it is renamed into place only when complete), but a
// hand-edited cache could; require the jars the server cannot start without.
function libsComplete(libs) {
  try {
    const jars = new Set(fs.readdirSync(libs));
    return [`kafka_2.13-${KAFKA_VERSION}.jar`, `kafka-clients-${KAFKA_VERSION}.jar`].every((j) =>
      jars.has(j),
    );
  } catch {
    return false;
  }
}

function locate(cfg) {
  if (cfg.external.kafkaBrokers) return { source: 'env', detail: 'PP_KAFKA_BROKERS' };
  const script = which('kafka-server-start.sh', cfg.env);
  if (script) {
    // <KAFKA_HOME>/bin/kafka-server-start.sh; we use its libs/ with our own command line.
    const home = path.dirname(path.dirname(fs.realpathSync(script)));
    return { source: 'PATH', detail: home, libs: path.join(home, 'libs') };
  }
  const libs = cacheLibs(cfg);
  if (libsComplete(libs)) return { source: 'cache', detail: libs, libs };
  return { source: 'missing', detail: `no Kafka jars in ${libs}` };
}

function java(cfg) {
  const fromHome = cfg.env.JAVA_HOME && path.join(cfg.env.JAVA_HOME, 'bin', 'java');
  const bin = fromHome && fs.existsSync(fromHome) ? fromHome : which('java', cfg.env);
  if (!bin) throw new Error('kafka: no `java` on PATH (Java 17 or newer is needed to run Kafka)');
  return bin;
}

// Resolve the jars with Maven into a temporary directory next to the cache entry, then rename
// it into place: rename is atomic, so an interrupted download can never be mistaken for a
// complete one, and two clones fetching at once both end with a valid cache.
async function fetchJars(cfg, progress) {
  const mvn = which('mvn', cfg.env);
  if (!mvn) {
    throw new Error(
      `kafka: the Kafka jars are not cached (${cacheLibs(cfg)}) and \`mvn\` is not on PATH to ` +
        'fetch them; install Maven, put a Kafka distribution (kafka-server-start.sh) on PATH, ' +
        'or set PP_KAFKA_BROKERS',
    );
  }
  java(cfg);
  const target = path.dirname(cacheLibs(cfg));
  const tmp = `${target}.tmp-${process.pid}`;
  removeStaleTemps(path.dirname(target), `${path.basename(target)}.tmp-`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  progress.info(NAME, `fetching Kafka ${KAFKA_VERSION} jars from Maven Central into ${target}…`);
  let downloaded = 0;
  const stop = progress.heartbeat(
    NAME,
    () => `still fetching jars… (${downloaded} files downloaded)`,
    10000,
  );
  try {
    await runLogged(
      mvn,
      [
        '-B',
        '-f',
        cfg.kafkaPom,
        `-Dkafka.version=${KAFKA_VERSION}`,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${path.join(tmp, 'libs')}`,
        '-DincludeScope=runtime',
      ],
      {
        logFile: logFile(cfg, NAME),
        env: cfg.env,
        cwd: tmp,
        onLine: (line) => {
          if (/\bDownloaded from\b/.test(line)) downloaded += 1;
        },
      },
    );
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  } finally {
    stop();
  }
  if (!libsComplete(path.join(tmp, 'libs'))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `kafka: Maven finished but the Kafka jars are missing (see ${logFile(cfg, NAME)})`,
    );
  }
  try {
    fs.renameSync(tmp, target);
  } catch (err) {
    // Someone else completed the same fetch first; theirs is as good as ours.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!libsComplete(cacheLibs(cfg))) throw err;
  }
  const count = fs.readdirSync(cacheLibs(cfg)).length;
  progress.info(NAME, `fetched ${count} jars (${downloaded} files downloaded from Maven Central)`);
}

async function prepare(cfg, progress) {
  const loc = locate(cfg);
  if (loc.source !== 'missing') return loc;
  await fetchJars(cfg, progress);
  return locate(cfg);
}

function endpoint(cfg) {
  return { brokers: cfg.external.kafkaBrokers ?? [`${cfg.host}:${cfg.ports.kafka}`] };
}

function parseBroker(broker) {
  const i = broker.lastIndexOf(':');
  return { host: broker.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(broker.slice(i + 1)) };
}

// A real Kafka protocol round trip (ApiVersions v0) rather than just a TCP connect: a port can
// accept connections while the broker is still recovering, and it tells us it is Kafka at all.
// Cheap enough for `status`, which would otherwise need a JVM start per call.
export function apiVersions({ host, port }, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const clientId = Buffer.from('pp-launcher');
    const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
    body.writeInt16BE(18, 0); // api_key ApiVersions
    body.writeInt16BE(0, 2); // api_version 0
    body.writeInt32BE(42, 4); // correlation_id
    body.writeInt16BE(clientId.length, 8);
    clientId.copy(body, 10);
    const frame = Buffer.alloc(4);
    frame.writeInt32BE(body.length, 0);

    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write(Buffer.concat([frame, body])));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 10) return; // size + correlation_id + error_code
      done(received.readInt32BE(4) === 42 && received.readInt16BE(8) === 0);
    });
  });
}

async function health(cfg) {
  const brokers = endpoint(cfg).brokers;
  const results = await Promise.all(brokers.map((b) => apiVersions(parseBroker(b))));
  const up = brokers.filter((_, i) => results[i]);
  return up.length > 0
    ? { healthy: true, detail: `answering Kafka requests (${up.length}/${brokers.length} brokers)` }
    : { healthy: false, detail: `no broker answers (${brokers.join(', ')})` };
}

function serverProperties(cfg) {
  const dir = dataDirOf(cfg, NAME);
  const { kafka, kafkaController } = cfg.ports;
  return `# Generated by infra/launcher on every start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${cfg.host}:${kafkaController}
listeners=PLAINTEXT://${cfg.host}:${kafka},CONTROLLER://${cfg.host}:${kafkaController}
advertised.listeners=PLAINTEXT://${cfg.host}:${kafka}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${path.join(dir, 'logs')}

num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true

# Single node: every internal topic has one replica, and fewer partitions than the defaults
# (50) so the first consumer group / transaction does not wait for 50 partitions to be created.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5

# No point delaying the first rebalance when consumers join one by one in tests.
group.initial.rebalance.delay.ms=0

# Two CPU cores: keep thread pools small.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4

# Development data: keep a day, in small segments, so the data dir stays small.
log.retention.hours=24
log.segment.bytes=67108864
`;
}

// Everything to stdout, which the launcher points at .infra/logs/kafka.log.
const LOG4J = `log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
# Per-request and state-change logging is very chatty and rarely useful locally.
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.org.apache.kafka.clients=WARN
`;

function runningPid(cfg, progress) {
  const { pid, stale } = livePid(pidFile(cfg, NAME), dataDirOf(cfg, NAME));
  if (stale) progress?.info(NAME, 'removed stale pid file');
  return pid;
}

async function waitReady(cfg, pid, logOffset) {
  await waitUntil(
    async () =>
      (await portOpen(cfg.host, cfg.ports.kafka)) &&
      (logOffset === undefined ||
        STARTED_PATTERN.test(readLogSince(logFile(cfg, NAME), logOffset))) &&
      (await health(cfg)).healthy,
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 1000, pid, what: NAME, logFile: logFile(cfg, NAME) },
  );
}

async function start(cfg, progress, loc) {
  const ep = endpoint(cfg);
  if (loc.source === 'env') {
    progress.info(NAME, `using existing brokers from PP_KAFKA_BROKERS (${ep.brokers.join(', ')})`);
    const h = await health(cfg);
    if (!h.healthy) throw new Error(`kafka (PP_KAFKA_BROKERS): ${h.detail}`);
    return ep;
  }

  const existing = runningPid(cfg, progress);
  if (existing) {
    await waitReady(cfg, existing);
    progress.info(NAME, `already running (pid ${existing}) on ${ep.brokers[0]}`);
    return ep;
  }

  await assertPortsFree(
    cfg.host,
    { PP_KAFKA_PORT: cfg.ports.kafka, PP_KAFKA_CONTROLLER_PORT: cfg.ports.kafkaController },
    NAME,
  );
  const javaBin = java(cfg);
  const classpath = path.join(loc.libs, '*'); // expanded by the JVM, not a shell
  const dir = dataDirOf(cfg, NAME);
  const props = path.join(dir, 'server.properties');
  const log4j = path.join(dir, 'log4j.properties');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(props, serverProperties(cfg));
  fs.writeFileSync(log4j, LOG4J);
  const log4jOpt = `-Dlog4j.configuration=file:${log4j}`;

  // KRaft storage must be formatted once with a cluster id before the first start.
  if (!fs.existsSync(path.join(dir, 'logs', 'meta.properties'))) {
    progress.info(NAME, 'formatting KRaft storage (first start)…');
    const idFile = path.join(dir, 'cluster.id');
    if (!fs.existsSync(idFile)) {
      const { stdout } = await runOrThrow(javaBin, [
        log4jOpt,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'random-uuid',
      ]);
      fs.writeFileSync(idFile, `${stdout.trim().split('\n').pop()}\n`);
    }
    const clusterId = fs.readFileSync(idFile, 'utf8').trim();
    await runLogged(
      javaBin,
      [
        log4jOpt,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        props,
        '--ignore-formatted',
      ],
      { logFile: logFile(cfg, NAME), env: cfg.env },
    );
  }

  progress.info(NAME, `starting KRaft broker on ${ep.brokers[0]}…`);
  const { pid, logOffset } = spawnDetached(
    javaBin,
    [
      '-Xms256m',
      '-Xmx768m',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-Djava.awt.headless=true',
      log4jOpt,
      '-cp',
      classpath,
      'kafka.Kafka',
      props,
    ],
    { logFile: logFile(cfg, NAME), pidFile: pidFile(cfg, NAME), cwd: dir, env: cfg.env },
  );
  await waitReady(cfg, pid, logOffset);
  progress.info(NAME, `ready on ${ep.brokers[0]} (pid ${pid})`);
  return ep;
}

async function stop(cfg) {
  if (cfg.external.kafkaBrokers) return 'external (PP_KAFKA_BROKERS), not managed';
  const pid = runningPid(cfg);
  // SIGTERM triggers Kafka's controlled shutdown (flushes and closes logs cleanly).
  const result = pid ? await stopProcess(pid, { sig: 'SIGTERM', timeoutMs: 30000 }) : 'not running';
  removeFile(pidFile(cfg, NAME));
  return result;
}

function status(cfg) {
  return { pid: runningPid(cfg), address: endpoint(cfg).brokers.join(',') };
}

export default { name: NAME, locate, prepare, start, stop, health, status, endpoint };
