/**
 * `npm run bench` (after `npm run build`): sigv4 against every rival and two floors on one fixed
 * workload, then streaming, worker threads and start-up. See bench/README.md for how to read it.
 *
 *   node bench/run.js [--only a,b] [--runs N] [--quick] [--verify-all] [--json FILE]
 *
 * Every implementation runs in a child process of its own (peak RSS per implementation), is
 * timed only if its sample URLs carry sigv4's signatures (bench/lib/compare.js), and has its timed
 * runs interleaved round-robin with the others' (see README: this VM drifts). Results on stdout,
 * progress on stderr; exit 1 when anything was refused or failed, 2 on a usage error.
 */
import { fork, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { int, mb, median, ms, ratio, table } from './lib/format.js';
import { DATE, EXPIRES_IN, HOST, KEY_COUNT, SAMPLE_SIZE, VARIANTS, makeKeys, makeWorkload, sampleKeys } from './workload.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const DIST = here('../dist/node.js');

/** Table order; the first is the reference for every ratio. */
const IMPLS = [
  'sigv4-presign',
  'sigv4-presign-keep',
  'sigv4-presignUrls',
  'sigv4-web',
  'sigv4-web-oneoff',
  'aws4',
  'aws4fetch',
  'smithy',
  'getSignedUrl',
  'crt',
  'floor-node-crypto',
  'floor-crypto-only',
];
const SECTIONS = ['stream', 'workers', 'startup', 'cli'];
const REFERENCE = 'sigv4-presign';

function wrap(text, indent, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

const USAGE = `Usage: node bench/run.js [options]   (npm run bench builds dist/ first)

Options:
  --only a,b     run only these (always adds ${REFERENCE}, the reference for ratios, when an
                 implementation is named). Implementations:
${wrap(IMPLS.join(', ') + '.', 17, 96)}
                 Sections: ${SECTIONS.join(', ')}.
  --runs N       timed runs per implementation and variant (default 7; the issue asks for >= 5)
  --quick        streaming over 1,000,000 keys instead of 10,000,000, workers over 200,000
  --verify-all   check every key an implementation is timed on against sigv4 (slower; the
                 peak RSS column then includes the check), not just the ${SAMPLE_SIZE}-key sample
  --json FILE    also write every figure as JSON
  -h, --help     this text
`;

function usageError(message) {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      only: { type: 'string' },
      runs: { type: 'string', default: '7' },
      quick: { type: 'boolean', default: false },
      'verify-all': { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (e) {
  usageError(e.message);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) usageError(`--runs expects a positive integer, got ${JSON.stringify(args.runs)}`);
let impls = IMPLS;
let sections = SECTIONS;
if (args.only !== undefined) {
  const names = args.only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !IMPLS.includes(n) && !SECTIONS.includes(n));
  if (unknown.length > 0 || names.length === 0) usageError(`--only: unknown name(s) ${unknown.join(', ') || '(none given)'}`);
  impls = IMPLS.filter((n) => names.includes(n));
  if (impls.length > 0 && !impls.includes(REFERENCE)) impls = [REFERENCE, ...impls];
  sections = SECTIONS.filter((n) => names.includes(n));
}
const STREAM_COUNT = args.quick ? 1_000_000 : 10_000_000;
const WORKER_COUNT = args.quick ? 200_000 : 400_000;
const WORKER_REPS = 3;
const STARTUP_REPS = 10;
const progress = (s) => process.stderr.write(s + '\n');
const started = performance.now();
const loadAtStart = os.loadavg();
/** Below this share of a core during timing, another process took the CPU: the row is marked. */
const CONTENDED = 0.9;
if (loadAtStart[0] > os.availableParallelism() / 2) {
  progress(`bench: load average ${loadAtStart[0].toFixed(2)} on ${os.availableParallelism()} CPUs: other processes are running, figures will be noisy.`);
}

// ---------------------------------------------------------------------------------------------
// sigv4 must be built and must have every API the selected parts use. Nothing is skipped quietly.
if (!existsSync(DIST)) {
  process.stderr.write(`bench: ${DIST} does not exist: run \`npm run build\` (or \`npx tsc -p tsconfig.json\`) first.\n`);
  process.exit(1);
}
const sigv4 = await import(pathToFileURL(DIST).href);
{
  const probe = typeof sigv4.createPresigner === 'function' ? sigv4.createPresigner({ credentials: VARIANTS['no-token'].credentials, region: 'us-east-1' }) : undefined;
  const missing = [];
  if (typeof sigv4.presign !== 'function') missing.push('presign');
  if (!probe || typeof probe.presign !== 'function') missing.push('createPresigner().presign');
  if ((impls.includes('sigv4-presignUrls') || sections.includes('workers')) && typeof probe?.presignUrls !== 'function') missing.push('createPresigner().presignUrls');
  if (sections.includes('stream') && typeof probe?.presignStream !== 'function') missing.push('createPresigner().presignStream');
  if (sections.includes('workers') && typeof sigv4.presignInWorkers !== 'function') missing.push('presignInWorkers');
  if (missing.length > 0) {
    process.stderr.write(`bench: dist/node.js lacks ${missing.join(', ')}. Rebuild (\`npx tsc -p tsconfig.json\`) or limit the run with --only.\n`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// The reference: sigv4's URLs for the sample keys, per variant. One-shot presign() must agree.
const keys = makeKeys(KEY_COUNT);
const sample = sampleKeys(keys);
const reference = {};
for (const v of Object.keys(VARIANTS)) {
  const w = makeWorkload(v, keys);
  const presigner = sigv4.createPresigner({ credentials: w.credentials, region: w.region });
  reference[v] = sample.map((key) => presigner.presign({ bucket: w.bucket, key, date: w.date, expiresIn: w.expiresIn }).url);
  sample.forEach((key, i) => {
    const url = sigv4.presign({ bucket: w.bucket, key, date: w.date, expiresIn: w.expiresIn, credentials: w.credentials, region: w.region }).url;
    if (url !== reference[v][i]) {
      process.stderr.write(`bench: sigv4 disagrees with itself on ${JSON.stringify(key)} (${v}):\n  presign()                   ${url}\n  createPresigner().presign() ${reference[v][i]}\n`);
      process.exit(1);
    }
  });
}

const CHILD_OPTIONS = { execArgv: ['--expose-gc', '--no-warnings'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] };

/**
 * A child process driven by request/reply over IPC, one request at a time. A reply with a status
 * other than 'ok', an exit, or a timeout all come back as a reply; the process is then ended.
 */
function spawnChild(script) {
  const proc = fork(here(script), [], CHILD_OPTIONS);
  let pending;
  let exited;
  proc.on('message', (m) => pending?.(m));
  proc.on('exit', (code, signal) => {
    exited = `exited (code ${code}, signal ${signal})`;
    pending?.({ status: 'error', message: `${exited} without a reply` });
  });
  const end = () => {
    // A native add-on (the CRT) can keep a child alive after it is done: give it a moment, then end it.
    setTimeout(() => proc.exitCode === null && proc.signalCode === null && proc.kill('SIGTERM'), 3000).unref();
  };
  return {
    request(message, timeoutMs) {
      if (exited) return Promise.resolve({ status: 'error', message: exited });
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          proc.kill('SIGKILL');
          done({ status: 'error', message: `no reply within ${timeoutMs / 1000} s` });
        }, timeoutMs);
        const done = (reply) => {
          pending = undefined;
          clearTimeout(timer);
          if (reply.status !== 'ok' || message.cmd === 'finish') end();
          resolve(reply);
        };
        pending = done;
        proc.send(message);
      });
    },
  };
}

/** A child that gets one message and sends one reply (streaming, workers). */
function child(script, message, timeoutMs) {
  return spawnChild(script).request({ cmd: 'finish', ...message }, timeoutMs);
}

const results = { impls: {}, stream: undefined, workers: undefined, startup: undefined };
let failures = 0;

// ---------------------------------------------------------------------------------------------
// The rivals: one process per (implementation, variant), all alive at once but only one working
// at a time. Each is set up, checked and warmed up in turn; then the timed runs go round-robin
// (A B C, B C A, …) so that load from outside falls on every implementation alike.
for (const v of Object.keys(VARIANTS)) {
  results.impls[v] = {};
  const live = [];
  for (const id of impls) {
    const proc = spawnChild('./child-impl.js');
    const r = await proc.request({ cmd: 'setup', impl: id, variant: v, reference: reference[v], verifyAll: args['verify-all'] }, 10 * 60_000);
    results.impls[v][id] = r;
    if (r.status === 'ok') {
      Object.assign(r, { rates: [], cpuRates: [], cpuMs: 0, wallMs: 0 });
      live.push({ id, proc, r });
    } else {
      failures++;
      progress(`  ${v.padEnd(8)} ${id.padEnd(18)} ${r.status.toUpperCase()}: ${r.status === 'refused' ? `${r.mismatches} of ${r.sampleSize} checked URLs differ from sigv4's` : r.message}`);
      for (const p of r.problems ?? []) progress(`      ${p}`);
    }
  }
  for (let round = 0; round < runs; round++) {
    for (let j = 0; j < live.length; j++) {
      const c = live[(j + round) % live.length];
      if (c.r.status !== 'ok') continue;
      const t = await c.proc.request({ cmd: 'run' }, 5 * 60_000);
      if (t.status !== 'ok') {
        failures++;
        Object.assign(c.r, { status: 'error', message: t.message });
        progress(`  ${v.padEnd(8)} ${c.id.padEnd(18)} ERROR: ${t.message}`);
        continue;
      }
      c.r.rates.push((t.n * 1000) / t.ms);
      c.r.cpuRates.push((t.n * 1000) / t.cpuMs);
      c.r.cpuMs += t.cpuMs;
      c.r.wallMs += t.ms;
    }
  }
  for (const c of live) {
    const f = await c.proc.request({ cmd: 'finish' }, 60_000);
    c.r.maxRss = f.maxRss;
    if (c.r.status !== 'ok') continue;
    c.r.cpuShare = c.r.cpuMs / c.r.wallMs;
    progress(`  ${v.padEnd(8)} ${c.id.padEnd(18)} ${int(median(c.r.rates)).padStart(9)} URLs/s  (${c.r.keysPerRun} keys x ${runs} runs, peak RSS ${mb(c.r.maxRss)})`);
  }
}

// ---------------------------------------------------------------------------------------------
if (sections.includes('stream')) {
  progress(`  stream: presignStream over ${int(STREAM_COUNT)} generated keys …`);
  results.stream = await child('./child-stream.js', { count: STREAM_COUNT, variant: 'no-token', checkFirst: 1000 }, 30 * 60_000);
  if (results.stream.status !== 'ok') {
    failures++;
    progress(`  stream: ERROR: ${results.stream.message}`);
  }
}
if (sections.includes('workers')) {
  progress(`  workers: presignInWorkers over ${int(WORKER_COUNT)} keys, 1 and 2 workers …`);
  results.workers = await child('./child-workers.js', { count: WORKER_COUNT, variant: 'no-token', reps: WORKER_REPS }, 15 * 60_000);
  if (results.workers.status !== 'ok') {
    failures++;
    progress(`  workers: ERROR: ${results.workers.message}`);
  }
}
if (sections.includes('startup')) {
  progress(`  startup: ${STARTUP_REPS} fresh processes …`);
  results.startup = measureStartup();
  if (results.startup.status !== 'ok') {
    failures++;
    progress(`  startup: ERROR: ${results.startup.message}`);
  }
}

/**
 * A fresh `node -e` that imports dist/node.js and presigns one URL with the one-shot presign():
 * wall time from spawn to exit minus a bare `node -e 0`, and, inside the process,
 * performance.now() around the dynamic import plus the first presign. Interleaved, median of 10.
 */
function measureStartup() {
  const w = makeWorkload('no-token', []);
  const options = { bucket: w.bucket, key: 'startup/été (copy).jpg', region: w.region, credentials: w.credentials, expiresIn: w.expiresIn };
  const script = `const t0 = performance.now();
import(${JSON.stringify(pathToFileURL(DIST).href)}).then((m) => {
  const r = m.presign({ ...${JSON.stringify(options)}, date: new Date(${DATE.getTime()}) });
  const t1 = performance.now();
  if (!/X-Amz-Signature=[0-9a-f]{64}$/.test(r.url)) throw new Error('no signature in ' + r.url);
  process.stdout.write(JSON.stringify({ importAndSign: t1 - t0, sinceStart: t1 }));
});`;
  const spawnMs = (argv) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    const dt = performance.now() - t0;
    if (r.status !== 0) throw new Error(`node ${argv[0]} … exited ${r.status}: ${r.stderr}`);
    return { dt, stdout: r.stdout };
  };
  try {
    spawnMs(['-e', '0']); // warm the file cache for both
    spawnMs(['-e', script]);
    const bare = [];
    const full = [];
    const inProc = [];
    const sinceStart = [];
    for (let i = 0; i < STARTUP_REPS; i++) {
      bare.push(spawnMs(['-e', '0']).dt);
      const r = spawnMs(['-e', script]);
      full.push(r.dt);
      const m = JSON.parse(r.stdout);
      inProc.push(m.importAndSign);
      sinceStart.push(m.sinceStart);
    }
    return {
      status: 'ok',
      bare: median(bare),
      full: median(full),
      extra: median(full) - median(bare),
      inProcess: median(inProc),
      inProcessMin: Math.min(...inProc),
      inProcessMax: Math.max(...inProc),
      sinceStart: median(sinceStart),
    };
  } catch (e) {
    return { status: 'error', message: e.message };
  }
}

// ---------------------------------------------------------------------------------------------
// The report.
const out = [];
const say = (s = '') => out.push(s);
const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  } catch {
    return os.cpus()[0]?.model;
  }
})();
const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
say(`sigv4 bench, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.availableParallelism()} CPUs (${cpuModel}); load average ${load(loadAtStart)} at the start, ${load(os.loadavg())} at the end.`);
say(`Workload: ${int(KEY_COUNT)} S3 keys (40-80 UTF-8 bytes, mixed), GET, https://${HOST}/…, us-east-1, ${DATE.toISOString()}, ${EXPIRES_IN} s; ${args['verify-all'] ? 'every timed key' : `a ${SAMPLE_SIZE}-key sample`} checked against sigv4 before timing.`);
say(`Each figure: URLs/s, median of ${runs} timed runs after one warm-up (min and max beside it); one process per implementation and variant, timed runs interleaved round-robin.`);

const refMedian = (v) => {
  const r = results.impls[v]?.[REFERENCE];
  return r?.status === 'ok' ? median(r.rates) : undefined;
};
let contended = false;
let harnessRss = 0;
for (const v of Object.keys(VARIANTS)) for (const r of Object.values(results.impls[v] ?? {})) harnessRss = Math.max(harnessRss, r.harnessRss ?? 0);
for (const v of Object.keys(VARIANTS)) {
  if (impls.length === 0) break;
  say();
  say(`### ${VARIANTS[v].label}`);
  say();
  const ref = refMedian(v);
  const rows = impls.map((id) => {
    const r = results.impls[v][id];
    if (r.status !== 'ok') {
      const why = r.status === 'refused' ? `REFUSED: ${r.mismatches}/${r.sampleSize} URLs differ` : `ERROR: ${String(r.message).split('\n')[0]}`;
      return [r.name ?? id, '', '', '', '', '', '', r.maxRss ? mb(r.maxRss) : '', '', why];
    }
    const m = median(r.rates);
    if (r.cpuShare < CONTENDED) contended = true;
    const check = r.identical === r.sampleSize ? `${r.sampleSize}/${r.sampleSize} identical` : `${r.sampleSize}/${r.sampleSize} same signature (${r.identical} byte-identical)`;
    return [
      r.name,
      int(r.keysPerRun),
      int(m),
      int(Math.min(...r.rates)),
      int(Math.max(...r.rates)),
      `${Math.round(r.cpuShare * 100)}%${r.cpuShare < CONTENDED ? ' *' : ''}`,
      int(median(r.cpuRates)),
      mb(r.maxRss),
      ref === undefined ? '' : ratio(ref / m),
      check,
    ];
  });
  say(table(['implementation', 'keys/run', 'URLs/s (median)', 'min', 'max', 'CPU', 'URLs/CPU-s', 'peak RSS', 'sigv4 presign ÷ this', 'checked before timing'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
}
if (impls.length > 0) {
  say();
  say(`Peak RSS is the whole child process; Node plus the ${int(KEY_COUNT)} keys already take about ${mb(harnessRss)} before an implementation is loaded.`);
  say(`Async rivals (aws4fetch, smithy, getSignedUrl, CRT) are awaited one key at a time. CPU = process CPU time (all threads: GC helpers, the CRT's and Web Crypto's threads) ÷ wall time while timed; URLs/CPU-s = URLs per second of that CPU time, which moves less than URLs/s when other processes compete${contended ? `; * = under ${CONTENDED * 100}%: another process took the CPU, so that row reads low` : ''}.`);
}

const targets = [];
const target = (what, value, shown, ok) => targets.push([what, shown, value === undefined ? 'n/a' : ok ? 'met' : 'MISSED']);
for (const v of Object.keys(VARIANTS)) {
  const ref = refMedian(v);
  const of = (id) => (results.impls[v]?.[id]?.status === 'ok' ? median(results.impls[v][id].rates) : undefined);
  const x = (id) => (ref !== undefined && of(id) !== undefined ? ref / of(id) : undefined);
  if (impls.includes('aws4')) target(`presign ≥ 4x aws4 (${v})`, x('aws4'), x('aws4') === undefined ? '' : ratio(x('aws4')), x('aws4') >= 4);
  if (impls.includes('floor-crypto-only')) target(`presign ≥ 0.5x crypto-only floor (${v})`, x('floor-crypto-only'), x('floor-crypto-only') === undefined ? '' : ratio(x('floor-crypto-only')), x('floor-crypto-only') >= 0.5);
  if (impls.includes('sigv4-web') && impls.includes('aws4fetch')) {
    const w = of('sigv4-web');
    const f = of('aws4fetch');
    const q = w !== undefined && f !== undefined ? w / f : undefined;
    target(`sigv4/web presign ≥ 10x aws4fetch (${v})`, q, q === undefined ? '' : ratio(q), q >= 10);
  }
  if (impls.includes('sigv4-presignUrls')) {
    const b = of('sigv4-presignUrls');
    const y = ref !== undefined && b !== undefined ? b / ref : undefined;
    target(`presignUrls per URL ≥ presign, URLs discarded (${v})`, y, y === undefined ? '' : ratio(y), y >= 1);
    const k = of('sigv4-presign-keep');
    const z = k !== undefined && b !== undefined ? b / k : undefined;
    if (impls.includes('sigv4-presign-keep')) target(`presignUrls per URL ≥ presign, URLs kept (${v})`, z, z === undefined ? '' : ratio(z), z >= 1);
  }
}

if (results.stream) {
  const s = results.stream;
  say();
  say(`### Streaming: presignStream over ${int(STREAM_COUNT)} keys generated on the fly (no session token)`);
  say();
  if (s.status === 'ok') {
    say(table(
      ['keys', 'URLs/s', 'CPU', 'peak RSS', 'RSS at 10% … 100%', 'generator alone'],
      [[int(s.count), int(s.rate), `${Math.round(s.cpuShare * 100)}%`, mb(s.maxRss), s.checkpoints.map((c) => (c.rss / 1e6).toFixed(0)).join(' '), `${int(s.genRate)} keys/s`]],
      ['r', 'r', 'r', 'r', 'l', 'r'],
    ));
    say();
    say(`The first 1,000 streamed URLs equal presign()'s. RSS in MB at each tenth of the stream.`);
  } else say(`ERROR: ${s.message}`);
  target('stream peak RSS < 200 MB', s.maxRss, s.maxRss === undefined ? '' : mb(s.maxRss), s.maxRss < 200e6);
}
if (results.workers) {
  const r = results.workers;
  say();
  say(`### Worker threads: presignInWorkers over ${int(WORKER_COUNT)} keys (no session token), median of ${WORKER_REPS}, end to end`);
  say();
  if (r.status === 'ok') {
    const row = (label, s) => [label, int(s.median), int(s.min), int(s.max), `${Math.round(s.cpuShare * 100)}%`, ratio(s.median / r.one.median)];
    say(table(['', 'URLs/s (median)', 'min', 'max', 'CPU', '÷ 1 worker'], [row('1 worker', r.one), row('2 workers', r.two), row('presignUrls, main thread', r.main)], ['l', 'r', 'r', 'r', 'r', 'r']));
    say();
    say(`Both worker results were checked against presign() at 1,000+ spread indices (order included). Peak RSS of that process: ${mb(r.maxRss)}.`);
    target('2 workers ≥ 1.6x 1 worker', r.two.median / r.one.median, ratio(r.two.median / r.one.median), r.two.median / r.one.median >= 1.6);
  } else say(`ERROR: ${r.message}`);
}
if (results.startup) {
  const s = results.startup;
  say();
  say(`### Start-up: fresh \`node -e\` importing dist/node.js and presigning one URL, median of ${STARTUP_REPS}`);
  say();
  if (s.status === 'ok') {
    say(table(
      ['measure', 'time'],
      [
        ['import + first presign, in-process (performance.now)', `${ms(s.inProcess)} (min ${ms(s.inProcessMin)}, max ${ms(s.inProcessMax)})`],
        ['spawn to exit, minus bare `node -e 0`', `${ms(s.extra)} (${ms(s.full)} - ${ms(s.bare)})`],
        ['first URL signed, from process start (performance.now)', ms(s.sinceStart)],
      ],
      ['l', 'r'],
    ));
    target('start-up < 30 ms (in-process import + first presign)', s.inProcess, ms(s.inProcess), s.inProcess < 30);
    target('start-up < 30 ms (spawn to exit minus bare node)', s.extra, ms(s.extra), s.extra < 30);
  } else say(`ERROR: ${s.message}`);
}
if (sections.includes('cli')) {
  // The sigv4 command's batch mode through real pipes (bench/cli-batch.js, its own process tree).
  const keys = args.quick ? 200000 : 1000000;
  progress(`  cli: sigv4 presign --batch over ${int(keys)} keys through pipes …`);
  const r = spawnSync(process.execPath, [here('./cli-batch.js'), '--keys', String(keys), '--runs', '3'], { encoding: 'utf8' });
  say();
  say(`### The sigv4 command: \`presign --batch\` through pipes, ${int(keys)} keys`);
  say();
  say(r.status === 0 ? r.stdout.trim() : `ERROR (exit ${r.status}): ${(r.stderr || '').trim()}`);
  if (r.status !== 0) failures++;
}
if (targets.length > 0) {
  say();
  say('### Targets (issue 3), as measured in this run');
  say();
  say(table(['target', 'measured', ''], targets, ['l', 'r', 'l']));
}
say();
say(`${failures === 0 ? 'Done' : `${failures} part(s) refused or failed`} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
process.stdout.write(out.join('\n') + '\n');

if (args.json) {
  writeFileSync(args.json, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), cpuModel, runs, quick: args.quick, results }, null, 2) + '\n');
}
process.exitCode = failures === 0 ? 0 : 1;
