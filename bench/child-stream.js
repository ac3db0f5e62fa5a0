/**
 * The streaming form (issue 3: "signs 10 million keys with flat memory: peak RSS under 200 MB
 * whatever the count"): presigner.presignStream() over an async generator that makes each key on
 * the fly from the workload's PRNG, so no list of keys or URLs is ever held. Own process, so its
 * peak RSS (process.resourceUsage().maxRSS) is the stream's.
 *
 * Receives { count, variant, checkFirst } over IPC; replies with the rate, RSS checkpoints and the
 * peak. The first `checkFirst` URLs must equal presigner.presign()'s for the same keys.
 */
import { createPresigner } from '../dist/node.js';
import { SEED, createRandom, makeKeys, makeWorkload, nextKey } from './workload.js';

function send(message) {
  return new Promise((resolve) => process.send(message, resolve));
}

async function* generateKeys(n) {
  const rnd = createRandom(SEED);
  for (let i = 0; i < n; i++) yield nextKey(rnd);
}

async function main({ count, variant, checkFirst }) {
  const w = makeWorkload(variant, []);
  const presigner = createPresigner({ credentials: w.credentials, region: w.region });
  if (typeof presigner.presignStream !== 'function') throw new Error('sigv4: presigner.presignStream is missing from dist/node.js');
  const defaults = { bucket: w.bucket, date: w.date, expiresIn: w.expiresIn };
  const expected = makeKeys(checkFirst).map((key) => presigner.presign({ bucket: w.bucket, key, date: w.date, expiresIn: w.expiresIn }).url);

  const checkpoints = [];
  const every = Math.max(1, Math.floor(count / 10));
  let i = 0;
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for await (const url of presigner.presignStream(generateKeys(count), defaults)) {
    if (i < checkFirst && url !== expected[i]) {
      throw new Error(`presignStream URL #${i} differs from presign():\n  got  ${url}\n  want ${expected[i]}`);
    }
    bytes += url.length;
    i++;
    if (i % every === 0) checkpoints.push({ count: i, seconds: (performance.now() - t0) / 1000, rss: process.memoryUsage.rss() });
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (i !== count) throw new Error(`presignStream yielded ${i} URLs for ${count} keys`);
  const maxRss = process.resourceUsage().maxRSS * 1024;

  // The generator alone (same async generator, nothing signed), to read the rate above against.
  const genCount = Math.min(count, 1_000_000);
  const g0 = performance.now();
  let n = 0;
  for await (const key of generateKeys(genCount)) n += key.length > 0 ? 1 : 0;
  const genRate = (n * 1000) / (performance.now() - g0);

  await send({ status: 'ok', count, seconds, rate: count / seconds, cpuShare: (cpu.user + cpu.system) / 1e6 / seconds, checkpoints, maxRss, genRate, avgUrlBytes: bytes / count });
}

// One message in (run.js sends it with cmd: 'finish'), one reply out, then exit.
process.once('message', (message) => {
  main(message)
    .catch(async (e) => {
      await send({ status: 'error', message: e && e.stack ? e.stack : String(e) });
    })
    .finally(() => process.disconnect());
});
