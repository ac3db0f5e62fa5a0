/**
 * One implementation, one variant, in a process of its own (forked by run.js, with --expose-gc),
 * so that its peak RSS is its own and no other library's JIT state or heap is around.
 *
 * Driven over IPC, one command at a time, so that run.js can interleave the timed runs of all
 * implementations (round-robin) and a burst of load from another process lands on all of them
 * alike instead of on whichever happened to be running:
 * - { cmd: 'setup', impl, variant, keysPerRun?, reference, verifyAll }: builds the keys, loads the
 *   implementation, checks its sample URLs against `reference` (sigv4's; with verifyAll, every key
 *   it will be timed on, against sigv4 computed here) and refuses on any difference; otherwise
 *   one untimed warm-up run.
 * - { cmd: 'run' }: one timed run over the same keys.
 * - { cmd: 'finish' }: the process's peak RSS; then it exits.
 */
import { compareUrls } from './lib/compare.js';
import { KEY_COUNT, makeKeys, makeWorkload, sampleKeys } from './workload.js';

function send(message) {
  return new Promise((resolve) => process.send(message, resolve));
}

const maxRss = () => process.resourceUsage().maxRSS * 1024;

/** sigv4's URLs for `keys`, computed here: only for --verify-all (the usual sample comes from run.js). */
async function sigv4Urls(variant, keys) {
  const { createPresigner } = await import('../dist/node.js');
  const w = makeWorkload(variant, keys);
  const presigner = createPresigner({ credentials: w.credentials, region: w.region });
  return keys.map((key) => presigner.presign({ bucket: w.bucket, key, date: w.date, expiresIn: w.expiresIn }).url);
}

let impl;
let runKeys;

async function setup({ impl: id, variant, keysPerRun: override, reference, verifyAll }) {
  const keys = makeKeys(KEY_COUNT);
  const sample = sampleKeys(keys);
  globalThis.gc?.();
  // What the harness holds before the implementation is even loaded: Node itself plus the keys.
  const harnessRss = process.memoryUsage.rss();
  impl = await import(`./impls/${id}.js`);
  for (const f of ['setup', 'run', 'sample']) {
    if (typeof impl[f] !== 'function') throw new Error(`bench/impls/${id}.js exports no ${f}()`);
  }
  const keysPerRun = Math.min(override ?? impl.keysPerRun ?? KEY_COUNT, KEY_COUNT);
  runKeys = keysPerRun === keys.length ? keys : keys.slice(0, keysPerRun);
  await impl.setup(makeWorkload(variant, runKeys));

  const checked = verifyAll ? runKeys : sample;
  const urls = await impl.sample(checked);
  const check = compareUrls(checked, urls, verifyAll ? await sigv4Urls(variant, runKeys) : reference, { formEncodedQuery: impl.formEncodedQuery === true });
  const base = { name: impl.name ?? id, note: impl.note ?? '', sampleSize: checked.length, identical: check.identical, harnessRss, keysPerRun };
  if (!check.ok) return { ...base, status: 'refused', problems: check.problems.slice(0, 3), mismatches: check.problems.length, maxRss: maxRss() };

  await impl.run(runKeys); // warm-up: JIT, caches, lazy initialisation
  return { ...base, status: 'ok' };
}

async function runOnce() {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const n = await impl.run(runKeys);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (n !== runKeys.length) throw new Error(`run() signed ${n} URLs for ${runKeys.length} keys`);
  return { status: 'ok', n, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', async (m) => {
  let reply;
  try {
    if (m.cmd === 'setup') reply = await setup(m);
    else if (m.cmd === 'run') reply = await runOnce();
    else if (m.cmd === 'finish') reply = { status: 'ok', maxRss: maxRss() };
    else throw new Error(`unknown command ${JSON.stringify(m.cmd)}`);
  } catch (e) {
    reply = { status: 'error', message: e && e.stack ? e.stack : String(e), maxRss: maxRss() };
  }
  await send(reply);
  if (m.cmd === 'finish' || reply.status !== 'ok') process.disconnect();
});
