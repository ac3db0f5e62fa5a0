/**
 * sigv4/web inside five real runtimes: workerd (Node compatibility off), headless Chromium, Deno,
 * Bun and Vercel's Edge Runtime. Each runs the aws-c-auth v4 suite (query and header form), the
 * S3 presign examples and a few hundred generated requests checked against @smithy/signature-v4.
 * A runtime that cannot start fails the run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../helpers/random.js';
import { bundleForRuntimes, runners, type RuntimeName, type RuntimeResult } from './harness.js';
import { buildRuntimeCases } from './runtime-cases.js';

const ORACLE_CASES = 300;
const seed = runSeed();
let dir: string;
let bundle: string;
let expectedCount = 0;
const results: RuntimeResult[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sigv4-runtimes-'));
  const cases = await buildRuntimeCases(seed, ORACLE_CASES);
  expectedCount = cases.length;
  const web = fileURLToPath(new URL('../../src/web.ts', import.meta.url));
  const runCases = fileURLToPath(new URL('./fixtures/run-cases.ts', import.meta.url));
  const entry = join(dir, 'entry.ts');
  await writeFile(
    entry,
    `import * as api from ${JSON.stringify(web)};\nimport { runCases } from ${JSON.stringify(runCases)};\n` +
      `const cases = ${JSON.stringify(cases)};\nexport async function run() { return runCases(api, cases); }\n`,
  );
  bundle = join(dir, 'bundle.mjs');
  await bundleForRuntimes(entry, bundle);
}, 120_000);

afterAll(async () => {
  for (const r of results) console.log(`runtime ${r.runtime} ${r.version}: ${r.passed} passed, ${r.failed} failed in ${r.ms} ms (seed ${seed})`);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`sigv4/web in real runtimes (seed ${seed})`, () => {
  const names: RuntimeName[] = ['workerd', 'chromium', 'deno', 'bun', 'edge-runtime'];
  it.each(names)('%s runs every case with zero mismatches', async (name) => {
    const r = await runners[name](bundle, { timeoutMs: 120_000 });
    results.push(r);
    expect(r.failures).toEqual([]);
    expect(r.failed).toBe(0);
    expect(r.passed).toBe(expectedCount);
    if (name === 'workerd' || name === 'chromium' || name === 'edge-runtime') {
      // Where Node is absent, it must really be absent: the proof that nothing needed it.
      expect(r.facts?.['process']).toBe('undefined');
      expect(r.facts?.['Buffer']).toBe('undefined');
    }
  });
});
