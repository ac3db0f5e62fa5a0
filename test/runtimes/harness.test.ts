/**
 * Proves test/runtimes/harness.ts really executes a bundled module in five runtimes.
 * Run: npx vitest run test/runtimes/harness.test.ts
 * Needs /usr/bin/chromium (test/runtimes/install-chromium.sh). No runtime is ever skipped.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleForRuntimes,
  runInBun,
  runInChromium,
  runInDeno,
  runInEdgeRuntime,
  runInWorkerd,
  type RuntimeResult,
} from './harness.js';

/** Above the harness's own per-runtime timeouts (30 s, Chromium 60 s) so its error message wins. */
const RUNTIME_TEST_TIMEOUT_MS = 90_000;

const SMOKE = fileURLToPath(new URL('./fixtures/smoke.ts', import.meta.url));

const NODE_CRYPTO_MODULE = `
import { createHash } from 'node:crypto';
export async function run() {
  return { passed: typeof createHash === 'function' ? 1 : 0, failed: 0, failures: [] };
}
`;

let dir: string;
let smokeBundle: string;
const results: RuntimeResult[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sigv4-harness-test-'));
  smokeBundle = join(dir, 'smoke.mjs');
  await bundleForRuntimes(SMOKE, smokeBundle);
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  // informational: one line per runtime, shows in the vitest output
  for (const r of results) {
    console.log(`[harness] ${r.runtime} ${r.version}: ${r.passed} passed, ${r.failed} failed, ${r.ms} ms facts=${JSON.stringify(r.facts)}`);
  }
});

function expectClean(r: RuntimeResult, runtime: string) {
  results.push(r);
  expect(r.runtime).toBe(runtime);
  expect(r.version).toMatch(/\d/);
  expect(r.failures).toEqual([]);
  expect(r.failed).toBe(0);
  expect(r.passed).toBeGreaterThan(0);
  expect(r.facts).toBeTypeOf('object');
}

describe('bundleForRuntimes', () => {
  it('produces a self-contained ESM bundle of smoke.ts', async () => {
    const out = join(dir, 'again.mjs');
    const info = await bundleForRuntimes(SMOKE, out);
    expect(info.bytes).toBeGreaterThan(0);
    expect(info.inputs).toHaveLength(1);
  });

  it('throws when the entry imports node:crypto', async () => {
    const entry = join(dir, 'node-crypto-entry.ts');
    await writeFile(entry, NODE_CRYPTO_MODULE);
    await expect(bundleForRuntimes(entry, join(dir, 'node-crypto-entry.mjs'))).rejects.toThrow(/node:crypto/);
  });
});

describe('runtimes', () => {
  it('workerd (node compat off)', async () => {
    const r = await runInWorkerd(smokeBundle);
    expectClean(r, 'workerd');
    expect(r.facts?.userAgent).toBe('Cloudflare-Workers');
  }, RUNTIME_TEST_TIMEOUT_MS);

  it('workerd refuses a bundle that imports node:crypto', async () => {
    // negative case: keep node:* external on purpose so the import reaches workerd
    const bad = join(dir, 'node-crypto.mjs');
    await esbuild.build({
      stdin: { contents: NODE_CRYPTO_MODULE, loader: 'ts', resolveDir: dir },
      outfile: bad,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      external: ['node:*'],
      logLevel: 'silent',
    });
    await expect(runInWorkerd(bad)).rejects.toThrow(/node:crypto/);
  }, RUNTIME_TEST_TIMEOUT_MS);

  it('chromium (headless, secure origin)', async () => {
    const r = await runInChromium(smokeBundle);
    expectClean(r, 'chromium');
    expect(r.facts?.isSecureContext).toBe(true);
  }, RUNTIME_TEST_TIMEOUT_MS);

  it('deno', async () => {
    const r = await runInDeno(smokeBundle);
    expectClean(r, 'deno');
    expect(r.facts?.Deno).toBe('object');
  }, RUNTIME_TEST_TIMEOUT_MS);

  it('bun', async () => {
    const r = await runInBun(smokeBundle);
    expectClean(r, 'bun');
    expect(r.facts?.Bun).toBe('object');
  }, RUNTIME_TEST_TIMEOUT_MS);

  it('edge-runtime (EdgeVM)', async () => {
    const r = await runInEdgeRuntime(smokeBundle);
    expectClean(r, 'edge-runtime');
    expect(r.facts?.EdgeRuntime).toBe('string');
  }, RUNTIME_TEST_TIMEOUT_MS);
});
