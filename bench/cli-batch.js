/**
 * The `sigv4` command's batch mode through pipes (issue 5: "measure and report URLs/s through a
 * pipe for 1,000,000 keys"): this process writes the keys into the command's stdin, 64 KiB at a
 * time with backpressure, and reads its stdout, counting lines; the clock runs from spawn to exit,
 * so start-up is included. The keys are the bench workload's (bench/workload.js), generated before
 * the clock starts so that only the command is measured.
 *
 *   node bench/cli-batch.js [--keys N] [--runs R] [--bin PATH]
 *
 * The command is --bin, else dist/bin.js (npm run build), else a bundle of src/bin.ts made here
 * with esbuild. The first URLs are checked against the library (dist/node.js) when it is built.
 * Peak RSS of the command is sampled from /proc (Linux). Exit 1 on a failure, 2 on a usage error.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ACCESS_KEY_ID, BUCKET, DATE, EXPIRES_IN, SECRET_ACCESS_KEY, SEED, createRandom, nextKey } from './workload.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHECK_FIRST = 1000;

const USAGE = `Usage: node bench/cli-batch.js [--keys N] [--runs R] [--bin PATH]

  --keys N     keys per run (default 1000000)
  --runs R     timed runs; the median is reported (default 3)
  --bin PATH   the command to measure (default dist/bin.js, else a fresh bundle of src/bin.ts)
`;

let opts;
try {
  opts = parseArgs({
    options: {
      keys: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      bin: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (e) {
  process.stderr.write(`cli-batch: ${e.message.split('\n')[0]}\n\n${USAGE}`);
  process.exit(2);
}
if (opts.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const keyCount = Number(opts.keys);
const runs = Number(opts.runs);
if (!Number.isInteger(keyCount) || keyCount < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`cli-batch: --keys and --runs take positive integers\n\n${USAGE}`);
  process.exit(2);
}

/** The command to run, and a clean-up for a temporary bundle. */
async function findBin() {
  if (opts.bin) return { bin: opts.bin, what: opts.bin, cleanup() {} };
  const dist = join(ROOT, 'dist', 'bin.js');
  if (existsSync(dist)) return { bin: dist, what: 'dist/bin.js', cleanup() {} };
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'sigv4-cli-bench-'));
  await build({
    entryPoints: [join(ROOT, 'src/node.ts'), join(ROOT, 'src/bin.ts')],
    bundle: true, splitting: true, format: 'esm', platform: 'neutral', external: ['node:*'],
    outdir: join(dir, 'dist'), chunkNames: 'shared-[hash]', logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return { bin: join(dir, 'dist', 'bin.js'), what: 'src/bin.ts bundled by esbuild (dist/bin.js not built)', cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function makeInput(n) {
  const rnd = createRandom(SEED);
  const keys = [];
  const parts = [];
  let part = '';
  for (let i = 0; i < n; i++) {
    const key = nextKey(rnd);
    if (i < CHECK_FIRST) keys.push(key);
    part += key + '\n';
    if (part.length > 1 << 20) {
      parts.push(Buffer.from(part));
      part = '';
    }
  }
  parts.push(Buffer.from(part));
  return { input: Buffer.concat(parts), firstKeys: keys };
}

function peakRssSampler(pid) {
  let peak = 0;
  const path = `/proc/${pid}/status`;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(path, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // The process has exited, or there is no /proc.
    }
  };
  const timer = setInterval(sample, 25);
  return { stop: () => (clearInterval(timer), sample(), peak) };
}

async function runOnce(bin, input, check) {
  const env = { PATH: process.env.PATH, HOME: tmpdir(), AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY, AWS_REGION: 'us-east-1' };
  const args = [bin, 'presign', '--batch', '--bucket', BUCKET, '--date', DATE.toISOString(), '--expires-in', String(EXPIRES_IN)];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const rss = peakRssSampler(child.pid);
  let lines = 0;
  let bytes = 0;
  let head = '';
  let stderr = '';
  child.stdout.on('data', (b) => {
    bytes += b.length;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
    if (check && head.length < 1 << 20) head += b.toString('latin1');
  });
  child.stderr.on('data', (b) => (stderr += b));
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  child.stdin.on('error', () => {}); // reported through the exit status instead
  for (let i = 0; i < input.length && child.exitCode === null; i += 65536) {
    if (!child.stdin.write(input.subarray(i, i + 65536))) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await exited;
  const seconds = (performance.now() - t0) / 1000;
  const peakRss = rss.stop();
  if (code !== 0) throw new Error(`the command exited with ${code}: ${stderr.trim()}`);
  return { seconds, lines, bytes, peakRss, head: Buffer.from(head, 'latin1').toString('utf8') };
}

async function checkHead(head, firstKeys) {
  const lib = join(ROOT, 'dist', 'node.js');
  if (!existsSync(lib)) return 'not checked (dist/node.js not built)';
  const { createPresigner } = await import(pathToFileURL(lib).href);
  const presigner = createPresigner({ credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY }, region: 'us-east-1' });
  const lines = head.split('\n');
  const n = Math.min(firstKeys.length, lines.length - 1);
  for (let i = 0; i < n; i++) {
    const want = presigner.presign({ bucket: BUCKET, key: firstKeys[i], date: DATE, expiresIn: EXPIRES_IN }).url;
    if (lines[i] !== want) throw new Error(`URL #${i} differs from the library's:\n  got  ${lines[i]}\n  want ${want}`);
  }
  return `first ${n} URLs equal the library's`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const int = (x) => Math.round(x).toLocaleString('en-US');

const found = await findBin();
try {
  process.stderr.write(`cli-batch: generating ${int(keyCount)} workload keys…\n`);
  const { input, firstKeys } = makeInput(keyCount);
  const results = [];
  for (let r = 0; r < runs; r++) {
    const res = await runOnce(found.bin, input, r === 0);
    if (res.lines !== keyCount) throw new Error(`${res.lines} URLs for ${keyCount} keys`);
    if (r === 0) res.checked = await checkHead(res.head, firstKeys);
    results.push(res);
    process.stderr.write(`cli-batch: run ${r + 1}/${runs}: ${int(keyCount / res.seconds)} URLs/s\n`);
  }
  const rates = results.map((x) => keyCount / x.seconds);
  const rate = median(rates);
  const first = results[0];
  process.stdout.write(
    `sigv4 presign --batch through pipes (${found.what}; Node ${process.version})\n` +
      `  keys: ${int(keyCount)} (${(input.length / 1e6).toFixed(1)} MB in, ${(first.bytes / 1e6).toFixed(1)} MB of URLs out)\n` +
      `  URLs/s: ${int(rate)} median of ${runs} (min ${int(Math.min(...rates))}, max ${int(Math.max(...rates))}), start-up included\n` +
      `  seconds: ${median(results.map((x) => x.seconds)).toFixed(2)} median\n` +
      `  peak RSS of the command: ${results.every((x) => x.peakRss > 0) ? `${(Math.max(...results.map((x) => x.peakRss)) / 1e6).toFixed(0)} MB` : 'not measured (no /proc)'}\n` +
      `  check: ${first.checked}\n`,
  );
} catch (e) {
  process.stderr.write(`cli-batch: ${e.message}\n`);
  process.exitCode = 1;
} finally {
  found.cleanup();
}
