/**
 * Multi-core (issue 3: "two workers must sign at least 1.6x as many URLs/s as one; results come
 * back in input order"): presignInWorkers(config, keys, { workers, defaults }) with 1 and with 2
 * workers, alternating, end to end (worker start-up, sending keys, receiving URLs included), plus
 * presigner.presignUrls() on the main thread over the same keys for scale.
 *
 * Receives { count, variant, reps } over IPC. Before timing, the 2-worker result is checked against
 * presigner.presign() at spread-out indices (including both ends), which also checks the order.
 */
import * as sigv4 from '../dist/node.js';
import { makeKeys, makeWorkload } from './workload.js';

function send(message) {
  return new Promise((resolve) => process.send(message, resolve));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main({ count, variant, reps }) {
  if (typeof sigv4.presignInWorkers !== 'function') throw new Error('sigv4: presignInWorkers is missing from dist/node.js');
  const keys = makeKeys(count);
  const w = makeWorkload(variant, keys);
  const config = { credentials: w.credentials, region: w.region };
  const defaults = { bucket: w.bucket, date: w.date, expiresIn: w.expiresIn };
  const presigner = sigv4.createPresigner(config);

  for (const workers of [1, 2]) {
    const urls = await sigv4.presignInWorkers(config, keys, { workers, defaults });
    if (!Array.isArray(urls) || urls.length !== keys.length) throw new Error(`presignInWorkers (${workers} workers) returned ${urls?.length} URLs for ${keys.length} keys`);
    const step = Math.max(1, Math.floor(count / 1000));
    const indices = new Set([0, 1, 2, count - 3, count - 2, count - 1, count >> 1, (count >> 1) - 1]);
    for (let i = 0; i < count; i += step) indices.add(i);
    for (const i of indices) {
      const want = presigner.presign({ bucket: w.bucket, key: keys[i], date: w.date, expiresIn: w.expiresIn }).url;
      if (urls[i] !== want) throw new Error(`presignInWorkers (${workers} workers) URL #${i} is not presign()'s for keys[${i}]:\n  got  ${urls[i]}\n  want ${want}`);
    }
  }

  const timings = { 1: [], 2: [], main: [] };
  const cpu = { 1: 0, 2: 0, main: 0 };
  const wall = { 1: 0, 2: 0, main: 0 };
  const timeOne = async (label, fn) => {
    globalThis.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const urls = await fn();
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (urls.length !== count) throw new Error(`${label}: ${urls.length} URLs for ${count} keys`);
    timings[label].push((count * 1000) / dt);
    cpu[label] += (c.user + c.system) / 1000;
    wall[label] += dt;
  };
  for (let r = 0; r < reps; r++) {
    await timeOne(1, () => sigv4.presignInWorkers(config, keys, { workers: 1, defaults }));
    await timeOne(2, () => sigv4.presignInWorkers(config, keys, { workers: 2, defaults }));
    await timeOne('main', async () => presigner.presignUrls(keys, defaults));
  }
  const summary = (label) => ({ median: median(timings[label]), min: Math.min(...timings[label]), max: Math.max(...timings[label]), cpuShare: cpu[label] / wall[label] });
  await send({ status: 'ok', count, reps, one: summary(1), two: summary(2), main: summary('main'), maxRss: process.resourceUsage().maxRSS * 1024 });
}

// One message in (run.js sends it with cmd: 'finish'), one reply out, then exit.
process.once('message', (message) => {
  main(message)
    .catch(async (e) => {
      await send({ status: 'error', message: e && e.stack ? e.stack : String(e) });
    })
    .finally(() => process.disconnect());
});
