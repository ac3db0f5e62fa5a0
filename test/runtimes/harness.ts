/**
 * Cross-runtime test harness (Node side).
 *
 * Runs ONE self-contained ES module (no imports; bundle it first with `bundleForRuntimes`) that
 * does `export async function run() { return { passed, failed, failures, facts? } }` inside a real
 * runtime, and returns the result to Node:
 *
 *   runInWorkerd      `workerd test config.capnp`, compatibilityDate 2025-09-01 + flags
 *                     no_nodejs_compat, no_nodejs_compat_v2 (Node compat OFF). Result: stdout line.
 *   runInChromium     /usr/bin/chromium (Debian apt, see install-chromium.sh) via playwright-core
 *                     launchPersistentContext; page served by node:http on http://127.0.0.1:<port>
 *                     (secure context), module loaded by an inline `<script type="module">` that
 *                     statically imports it. Result: read back with page.evaluate.
 *   runInDeno         `deno run --no-prompt --no-config --no-lock --no-remote --no-npm` with NO
 *                     permissions, temp DENO_DIR. Result: stdout line.
 *   runInBun          `bun --no-install --no-env-file main.mjs`. Result: stdout line.
 *   runInEdgeRuntime  @edge-runtime/vm EdgeVM in a child `node` process (so a hang can be killed);
 *                     the module is turned into an IIFE script by esbuild, `run` put on globalThis.
 *
 * A runtime that cannot start, a module that fails to load, or a `run()` that throws makes the
 * promise REJECT with the runtime's stderr/log. Nothing is skipped. `failed > 0` is NOT an error:
 * the result comes back and the caller asserts.
 *
 * Notes for the test writer (measured on this machine: Debian 12, 2 cores, Node 20.20):
 * - Versions seen: workerd 2026-11-17 (npm 1.20261117.1); Chromium 156.0.8078.108 (Debian);
 *   Deno 2.9.6; Bun 1.4.5; @edge-runtime/vm 5.0.0 (primitives 6.0.0) on Node's V8.
 * - Wall time per call (`ms`, includes start-up and tear-down) for fixtures/smoke.ts, 3 runs of
 *   harness.test.ts: workerd 170-190 ms, Chromium 2.6-3.1 s (browser launch dominates; 1.5-4 s
 *   seen), Deno 145-190 ms, Bun 50-60 ms, EdgeVM 240-300 ms (child node + esbuild + VM setup).
 *   Whole harness.test.ts: ~4.5-5 s. Each call starts and stops its own runtime: batch many checks
 *   into ONE test module rather than calling runInChromium per case. Run sequentially on 2 cores.
 * - Failure modes checked: module load error -> reject (workerd/deno/bun exit 1, Chromium error
 *   event, EdgeVM evaluate throws); run() throws -> reject with its stack; run() never settles ->
 *   workerd and Deno detect it at once, EdgeVM's child reports it when its event loop empties,
 *   Bun and Chromium hit the timeout; a busy loop -> timeout + SIGKILL (Chromium: context closed).
 *   `failed > 0` resolves normally.
 * - workerd: with a compatibility date >= 2026-08-04 and no flags, `import 'node:crypto'` LOADS
 *   (verified). Both `no_nodejs_compat*` flags are required; the harness always sets them. With them
 *   a static `import 'node:crypto'` makes workerd exit 1 with `No such module "node:crypto"`.
 *   `navigator.userAgent` is "Cloudflare-Workers", so the version is taken from `workerd --version`.
 * - Deno and Bun both HAVE `process` and `node:crypto`; only workerd (flags off), Chromium and
 *   EdgeVM prove "no Node". EdgeVM's crypto.subtle IS Node's webcrypto object (not a second engine).
 * - Deno runs with zero permissions and --no-prompt: env/file/net access from the test module throws.
 * - Chromium: about:blank is not a secure context (crypto.subtle undefined) - hence the local
 *   http://127.0.0.1 server. A module that fails to load (e.g. `import 'node:crypto'`, which Chromium
 *   treats as an unknown URL scheme) surfaces as an `error` event caught by a capturing listener.
 * - EdgeVM: `require`, `process`, `Buffer`, `eval`, `import()` are absent. The module is converted
 *   with esbuild `bundle: true` and the harness rejects any input that imports something.
 * - The test module's result must be JSON-serialisable (it crosses a process/page boundary).
 * - esbuild with platform 'neutral' already FAILS to resolve `node:*` (build error), so
 *   `bundleForRuntimes` throws for `import 'node:crypto'` before any runtime sees it; the metafile
 *   check catches anything marked external some other way (plugins, `external`). A non-literal
 *   `import(expr)` / `require(expr)` leaves NO metafile entry and NO esbuild warning, so the output
 *   text is also scanned for `import(` and esbuild's `Dynamic require of` shim (a string literal
 *   containing "import(" would be a false positive).
 * - vitest: test/vitest.config.ts excludes test/runtimes/**; run this file without --config.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);

/** Marker that prefixes the single JSON result line printed by the in-runtime wrapper. */
export const RESULT_MARKER = '@@SIGV4_HARNESS_RESULT@@';

export type RuntimeName = 'workerd' | 'chromium' | 'deno' | 'bun' | 'edge-runtime';

export interface RuntimeResult {
  runtime: RuntimeName;
  /** Version of the runtime that actually ran the module. */
  version: string;
  passed: number;
  failed: number;
  failures: string[];
  /** Wall-clock time of the whole call (start runtime, load module, run, tear down), in ms. */
  ms: number;
  /** Whatever the test module returned as `facts` (informational, never asserted here). */
  facts?: Record<string, unknown>;
}

export interface RunOptions {
  /** Kill the runtime and reject after this many ms. Defaults per runtime (see DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS: Record<RuntimeName, number> = {
  workerd: 30_000,
  chromium: 60_000,
  deno: 30_000,
  bun: 30_000,
  'edge-runtime': 30_000,
};

/** Chromium from Debian (installed by test/runtimes/install-chromium.sh). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Old date on purpose: Node compat turns itself on by default from 2026-08-04. */
export const WORKERD_COMPATIBILITY_DATE = '2025-09-01';
export const WORKERD_COMPATIBILITY_FLAGS = ['no_nodejs_compat', 'no_nodejs_compat_v2'];

// ---------------------------------------------------------------------------------------------
// bundling

export interface BundleInfo {
  outFile: string;
  bytes: number;
  /** Source files that went into the bundle (relative to cwd, as esbuild reports them). */
  inputs: string[];
}

/**
 * Bundle a TypeScript/JS entry into ONE self-contained ESM file for the runtimes.
 * Throws if esbuild cannot resolve an import (e.g. `node:crypto` under platform 'neutral') or if
 * any import stayed external in the output.
 */
export async function bundleForRuntimes(entryTs: string, outFile: string): Promise<BundleInfo> {
  let result: esbuild.BuildResult<{ metafile: true; write: true }>;
  try {
    result = await esbuild.build({
      entryPoints: [entryTs],
      outfile: outFile,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      metafile: true,
      write: true,
      logLevel: 'silent',
    });
  } catch (err) {
    throw new Error(`bundleForRuntimes(${entryTs}): esbuild failed: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const problems: string[] = [];
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    for (const imp of meta.imports) {
      problems.push(`${out}: ${imp.kind} ${JSON.stringify(imp.path)}${imp.external ? ' (external)' : ''}`);
    }
  }
  // A non-literal `import(expr)` or `require(expr)` stays in the output with NO metafile entry and
  // no esbuild warning (checked with esbuild 0.28.2), so look at the text. Heuristic: a string
  // literal containing "import(" would also trip it.
  const text = await readFile(outFile, 'utf8');
  if (/(^|[^.\w$])import\s*\(/m.test(text)) {
    problems.push(`${outFile}: a dynamic import(...) with a non-literal specifier remains`);
  }
  if (text.includes('Dynamic require of "')) {
    problems.push(`${outFile}: a require(...) remains (esbuild's __require shim is in the bundle)`);
  }
  if (problems.length > 0) {
    throw new Error(
      `bundleForRuntimes(${entryTs}): bundle is not self-contained, imports remain:\n  ${problems.join('\n  ')}`,
    );
  }
  return { outFile, bytes: Buffer.byteLength(text), inputs: Object.keys(result.metafile.inputs) };
}

// ---------------------------------------------------------------------------------------------
// shared helpers

interface WrapperPayload {
  ok: boolean;
  /** where it failed: loading/evaluating the module, or inside run() */
  phase?: 'load' | 'run' | undefined;
  version?: string | null;
  result?: unknown;
  error?: string;
}

/** In-runtime wrapper for the process-based runtimes; VERSION_EXPR is evaluated in the runtime. */
function moduleWrapper(versionExpr: string, exportDefaultTest: boolean): string {
  const body = `
  let payload;
  let version = null;
  try { version = ${versionExpr}; } catch (e) { version = 'unknown: ' + e; }
  try {
    if (typeof mod.run !== 'function') throw new Error('test module does not export an async function run()');
    const result = await mod.run();
    payload = { ok: true, version, result };
  } catch (e) {
    payload = { ok: false, phase: 'run', version, error: String((e && e.stack) || e) };
  }
  console.log(${JSON.stringify(RESULT_MARKER)} + JSON.stringify(payload));`;
  return exportDefaultTest
    ? `import * as mod from './test-module.mjs';\nexport default {\n  async test() {${body}\n  },\n};\n`
    : `import * as mod from './test-module.mjs';\n${body}\n`;
}

function parseMarkedStdout(stdout: string): WrapperPayload | undefined {
  const lines = stdout.split(/\r?\n/).filter((l) => l.startsWith(RESULT_MARKER));
  if (lines.length === 0) return undefined;
  return JSON.parse(lines[lines.length - 1]!.slice(RESULT_MARKER.length)) as WrapperPayload;
}

function toResult(
  runtime: RuntimeName,
  payload: WrapperPayload,
  fallbackVersion: string,
  started: number,
  log: string,
): RuntimeResult {
  if (!payload.ok) {
    const what =
      payload.phase === 'load' ? 'test module failed to load/evaluate' : 'run() threw or rejected';
    throw new Error(`${runtime}: ${what} inside the runtime:\n${payload.error}\n--- log ---\n${log}`);
  }
  const r = payload.result as Record<string, unknown> | null | undefined;
  if (
    !r ||
    typeof r.passed !== 'number' ||
    typeof r.failed !== 'number' ||
    !Array.isArray(r.failures) ||
    !r.failures.every((f) => typeof f === 'string')
  ) {
    throw new Error(
      `${runtime}: run() must return { passed: number, failed: number, failures: string[] }, got ${JSON.stringify(r)}`,
    );
  }
  const out: RuntimeResult = {
    runtime,
    version: payload.version ? String(payload.version) : fallbackVersion,
    passed: r.passed,
    failed: r.failed,
    failures: r.failures as string[],
    ms: Math.round(performance.now() - started),
  };
  if (r.facts && typeof r.facts === 'object') out.facts = r.facts as Record<string, unknown>;
  return out;
}

interface ProcResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawn, collect output, SIGKILL + reject on timeout or spawn failure. */
function runProcess(
  label: string,
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ProcResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(
        new Error(
          `${label}: timed out after ${opts.timeoutMs} ms (killed)\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`,
        ),
      );
    }, opts.timeoutMs);
    child.on('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`${label}: cannot start ${cmd}: ${err.message}\n${stderr}`, { cause: err }));
    });
    child.on('close', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

function describeExit(p: ProcResult): string {
  return `exit ${p.code ?? 'null'}${p.signal ? ` (signal ${p.signal})` : ''}\n--- stderr ---\n${p.stderr}\n--- stdout ---\n${p.stdout}`;
}

async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

function platformPackageDir(pkg: string, what: string): string {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch (err) {
    throw new Error(
      `${what}: platform package ${pkg} is not installed for ${process.platform}-${process.arch} (npm ci should bring it)`,
      { cause: err },
    );
  }
}

const ARCH: Record<string, { workerd: string; deno: string; bun: string }> = {
  x64: { workerd: 'linux-64', deno: 'linux-x64-glibc', bun: 'linux-x64' },
  arm64: { workerd: 'linux-arm64', deno: 'linux-arm64-glibc', bun: 'linux-aarch64' },
};

function archNames(what: string) {
  const a = process.platform === 'linux' ? ARCH[process.arch] : undefined;
  if (!a) throw new Error(`${what}: harness only knows linux x64/arm64, not ${process.platform}-${process.arch}`);
  return a;
}

/** Real binaries (the npm `.bin` shims of deno/bun are JS wrappers or fail under --ignore-scripts). */
export function binaryPaths(): { workerd: string; deno: string; bun: string } {
  const a = archNames('binaryPaths');
  return {
    workerd: join(platformPackageDir(`@cloudflare/workerd-${a.workerd}`, 'workerd'), 'bin', 'workerd'),
    deno: join(platformPackageDir(`@deno/${a.deno}`, 'deno'), 'deno'),
    bun: bunBinary(join(platformPackageDir(`@oven/bun-${a.bun}`, 'bun'), 'bin', 'bun')),
  };
}

/**
 * bun's postinstall MOVES the platform package's binary to `bun/bin/bun.exe` (seen on a fresh
 * `npm ci`); with install scripts off it stays in the platform package. Take whichever exists.
 */
function bunBinary(platformBinary: string): string {
  if (existsSync(platformBinary)) return platformBinary;
  const moved = join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe');
  if (existsSync(moved)) return moved;
  throw new Error(`bun: no binary at ${platformBinary} nor ${moved}`);
}

async function readTestModule(file: string): Promise<string> {
  try {
    return await readFile(resolve(file), 'utf8');
  } catch (err) {
    throw new Error(`cannot read test module ${file}: ${(err as Error).message}`, { cause: err });
  }
}

// ---------------------------------------------------------------------------------------------
// workerd

let workerdVersion: Promise<string> | undefined;
function getWorkerdVersion(bin: string): Promise<string> {
  workerdVersion ??= runProcess('workerd --version', bin, ['--version'], {
    cwd: tmpdir(),
    timeoutMs: 10_000,
  }).then((p) => {
    if (p.code !== 0) throw new Error(`workerd --version failed: ${describeExit(p)}`);
    const pkg = require('workerd/package.json') as { version: string };
    return `${p.stdout.trim().replace(/^workerd\s+/, '')} (npm workerd ${pkg.version})`;
  });
  return workerdVersion;
}

export async function runInWorkerd(file: string, opts: RunOptions = {}): Promise<RuntimeResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS.workerd;
  const bin = binaryPaths().workerd;
  const source = await readTestModule(file);
  const version = await getWorkerdVersion(bin);
  return withTempDir('sigv4-workerd-', async (dir) => {
    await writeFile(join(dir, 'test-module.mjs'), source);
    await writeFile(join(dir, 'worker.mjs'), moduleWrapper('null', true));
    const flags = WORKERD_COMPATIBILITY_FLAGS.map((f) => JSON.stringify(f)).join(', ');
    await writeFile(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .testWorker) ],
);

const testWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "test-module.mjs", esModule = embed "test-module.mjs"),
  ],
  compatibilityDate = "${WORKERD_COMPATIBILITY_DATE}",
  compatibilityFlags = [ ${flags} ],
);
`,
    );
    const p = await runProcess('workerd', bin, ['test', 'config.capnp'], { cwd: dir, timeoutMs });
    const log = describeExit(p);
    if (p.code !== 0) throw new Error(`workerd: worker failed to load or run: ${log}`);
    const payload = parseMarkedStdout(p.stdout);
    if (!payload) throw new Error(`workerd: no result line on stdout: ${log}`);
    return toResult('workerd', payload, version, started, log);
  });
}

// ---------------------------------------------------------------------------------------------
// deno

export async function runInDeno(file: string, opts: RunOptions = {}): Promise<RuntimeResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS.deno;
  const bin = binaryPaths().deno;
  const source = await readTestModule(file);
  return withTempDir('sigv4-deno-', async (dir) => {
    await writeFile(join(dir, 'test-module.mjs'), source);
    await writeFile(join(dir, 'main.mjs'), moduleWrapper('Deno.version.deno', false));
    await mkdir(join(dir, 'deno-dir'));
    const p = await runProcess(
      'deno',
      bin,
      ['run', '--no-prompt', '--no-config', '--no-lock', '--no-remote', '--no-npm', 'main.mjs'],
      {
        cwd: dir,
        timeoutMs,
        env: {
          ...process.env,
          DENO_DIR: join(dir, 'deno-dir'),
          DENO_NO_UPDATE_CHECK: '1',
          DENO_NO_PROMPT: '1',
          NO_COLOR: '1',
        },
      },
    );
    const log = describeExit(p);
    if (p.code !== 0) throw new Error(`deno: module failed to load or run: ${log}`);
    const payload = parseMarkedStdout(p.stdout);
    if (!payload) throw new Error(`deno: no result line on stdout: ${log}`);
    return toResult('deno', payload, 'unknown', started, log);
  });
}

// ---------------------------------------------------------------------------------------------
// bun

export async function runInBun(file: string, opts: RunOptions = {}): Promise<RuntimeResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS.bun;
  const bin = binaryPaths().bun;
  const source = await readTestModule(file);
  return withTempDir('sigv4-bun-', async (dir) => {
    await writeFile(join(dir, 'test-module.mjs'), source);
    await writeFile(join(dir, 'main.mjs'), moduleWrapper('Bun.version', false));
    const p = await runProcess('bun', bin, ['--no-install', '--no-env-file', 'main.mjs'], {
      cwd: dir,
      timeoutMs,
      env: {
        ...process.env,
        BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
        DO_NOT_TRACK: '1',
        NO_COLOR: '1',
      },
    });
    const log = describeExit(p);
    if (p.code !== 0) throw new Error(`bun: module failed to load or run: ${log}`);
    const payload = parseMarkedStdout(p.stdout);
    if (!payload) throw new Error(`bun: no result line on stdout: ${log}`);
    return toResult('bun', payload, 'unknown', started, log);
  });
}

// ---------------------------------------------------------------------------------------------
// Vercel Edge Runtime (EdgeVM)

const EDGE_GLOBAL_NAME = '__sigv4HarnessModule';

/** Convert the self-contained ESM test module into a classic script that sets globalThis.run. */
async function toEdgeScript(file: string): Promise<string> {
  let result: esbuild.BuildResult<{ metafile: true; write: false }>;
  try {
    result = await esbuild.build({
      entryPoints: [resolve(file)],
      bundle: true,
      write: false,
      metafile: true,
      format: 'iife',
      globalName: EDGE_GLOBAL_NAME,
      platform: 'neutral',
      footer: { js: `globalThis.run = ${EDGE_GLOBAL_NAME}.run;` },
      logLevel: 'silent',
    });
  } catch (err) {
    throw new Error(`edge-runtime: cannot convert ${file} to a script: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const inputs = Object.entries(result.metafile.inputs);
  const imports = inputs.flatMap(([, m]) => m.imports.map((i) => i.path));
  if (inputs.length !== 1 || imports.length > 0) {
    throw new Error(`edge-runtime: test module ${file} is not self-contained, it imports: ${imports.join(', ')}`);
  }
  return result.outputFiles[0]!.text;
}

export async function runInEdgeRuntime(file: string, opts: RunOptions = {}): Promise<RuntimeResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS['edge-runtime'];
  const vmPkgJson = require.resolve('@edge-runtime/vm/package.json');
  const vmVersion = (require('@edge-runtime/vm/package.json') as { version: string }).version;
  let primitivesVersion = 'unknown';
  try {
    const vmRequire = createRequire(vmPkgJson);
    primitivesVersion = (vmRequire('@edge-runtime/primitives/package.json') as { version: string }).version;
  } catch {
    /* informational only */
  }
  const version = `@edge-runtime/vm ${vmVersion} (primitives ${primitivesVersion}, node ${process.version})`;
  const script = await toEdgeScript(file);
  return withTempDir('sigv4-edge-', async (dir) => {
    await writeFile(join(dir, 'test-script.js'), script);
    // CommonJS runner executed by a child node; the EdgeVM context has no require/process/Buffer.
    const runner = `'use strict';
const { EdgeVM } = require(${JSON.stringify(require.resolve('@edge-runtime/vm'))});
const fs = require('fs');
const MARK = ${JSON.stringify(RESULT_MARKER)};
let reported = false;
function report(payload) {
  reported = true;
  process.stdout.write(MARK + JSON.stringify(payload) + '\\n');
}
process.on('exit', () => {
  if (!reported) report({ ok: false, phase: 'run', version: null, error: 'run() never settled (the event loop emptied while it was pending)' });
});
(async () => {
  let phase = 'load';
  try {
    const vm = new EdgeVM();
    vm.evaluate(fs.readFileSync(process.argv[2], 'utf8'));
    phase = 'run';
    const json = await vm.evaluate(\`(async () => {
      if (typeof globalThis.run !== 'function') throw new Error('test module does not export an async function run()');
      return JSON.stringify(await globalThis.run());
    })()\`);
    report({ ok: true, version: null, result: JSON.parse(json) });
  } catch (e) {
    report({ ok: false, phase, version: null, error: String((e && e.stack) || e) });
  }
})();
`;
    await writeFile(join(dir, 'runner.cjs'), runner);
    const p = await runProcess('edge-runtime', process.execPath, ['runner.cjs', join(dir, 'test-script.js')], {
      cwd: dir,
      timeoutMs,
      // keep vitest/tsx loaders out of the child
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const log = describeExit(p);
    if (p.code !== 0) throw new Error(`edge-runtime: child failed: ${log}`);
    const payload = parseMarkedStdout(p.stdout);
    if (!payload) throw new Error(`edge-runtime: no result line on stdout: ${log}`);
    return toResult('edge-runtime', payload, version, started, log);
  });
}

// ---------------------------------------------------------------------------------------------
// Chromium

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>sigv4 runtime harness</title>
<script>
  window.__harness = { state: 'pending' };
  // errors seen before the module script body starts are load errors
  function __harnessFail(msg) {
    if (window.__harness.state === 'pending') window.__harness = { state: 'error', phase: 'load', error: String(msg) };
  }
  // capture: also catches the (non-bubbling) error event of a <script> whose module graph failed
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (e.error) __harnessFail(e.error.stack || e.error);
    else if (e.message) __harnessFail(e.message);
    else if (t && t.tagName === 'SCRIPT') __harnessFail('module script failed to load (a dependency could not be fetched or resolved)');
    else __harnessFail('error event on ' + (t && t.tagName));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    __harnessFail('unhandled rejection: ' + ((e.reason && e.reason.stack) || e.reason));
  });
</script>
<script type="module">
  import * as mod from '/test-module.mjs';
  window.__harness = { state: 'running' };
  try {
    if (typeof mod.run !== 'function') throw new Error('test module does not export an async function run()');
    const result = await mod.run();
    window.__harness = { state: 'done', result: JSON.parse(JSON.stringify(result)) };
  } catch (e) {
    window.__harness = { state: 'error', phase: 'run', error: String((e && e.stack) || e) };
  }
</script>
</head><body></body></html>
`;

async function startServer(source: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const headers = { 'cache-control': 'no-store' };
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE_HTML);
    } else if (path === '/favicon.ico') {
      res.writeHead(204, headers);
      res.end();
    } else if (path === '/test-module.mjs') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
      res.end(source);
    } else {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export async function runInChromium(file: string, opts: RunOptions = {}): Promise<RuntimeResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS.chromium;
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  try {
    await stat(CHROMIUM_PATH);
  } catch {
    throw new Error(`chromium: ${CHROMIUM_PATH} is missing: run test/runtimes/install-chromium.sh`);
  }
  const source = await readTestModule(file);
  const { chromium } = await import('playwright-core');
  const { server, origin } = await startServer(source);
  const log: string[] = [];
  try {
    return await withTempDir('sigv4-chromium-', async (userDataDir) => {
      let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
      try {
        context = await chromium.launchPersistentContext(userDataDir, {
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: CHROMIUM_ARGS,
          timeout: left(),
        });
      } catch (err) {
        throw new Error(`chromium: cannot launch ${CHROMIUM_PATH}: ${(err as Error).message}`, { cause: err });
      }
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => log.push(`pageerror: ${e.stack ?? e.message}`));
        page.on('requestfailed', (r) => log.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
        // 'commit', not 'load': a module stuck in a busy loop would hold the load event forever and
        // the timeout below gives the clearer message
        try {
          await page.goto(`${origin}/`, { waitUntil: 'commit', timeout: left() });
        } catch (err) {
          throw new Error(`chromium: cannot open ${origin}/: ${(err as Error).message}\n--- page log ---\n${log.join('\n')}`, {
            cause: err,
          });
        }
        try {
          await page.waitForFunction(
            () => {
              const s = (window as unknown as { __harness: { state: string } }).__harness.state;
              return s === 'done' || s === 'error';
            },
            null,
            { timeout: left(), polling: 50 },
          );
        } catch (err) {
          throw new Error(
            `chromium: module did not finish within ${timeoutMs} ms: ${(err as Error).message}\n--- page log ---\n${log.join('\n')}`,
            { cause: err },
          );
        }
        const state = await page.evaluate(() => ({
          harness: (
            window as unknown as {
              __harness: { state: string; phase?: 'load' | 'run'; result?: unknown; error?: string };
            }
          ).__harness,
          userAgent: navigator.userAgent,
          secure: window.isSecureContext,
        }));
        if (!state.secure) throw new Error(`chromium: page at ${origin} is not a secure context`);
        // the UA is reduced (156.0.0.0); the browser reports the full build
        const version =
          context.browser()?.version() ??
          /Chrom(?:e|ium)\/([\d.]+)/.exec(state.userAgent)?.[1] ??
          state.userAgent;
        const payload: WrapperPayload =
          state.harness.state === 'done'
            ? { ok: true, version, result: state.harness.result }
            : { ok: false, phase: state.harness.phase, version, error: state.harness.error ?? 'unknown error' };
        return toResult('chromium', payload, version, started, log.join('\n'));
      } finally {
        await context.close().catch(() => undefined);
      }
    });
  } finally {
    await new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  }
}

// ---------------------------------------------------------------------------------------------

export const runners: Record<RuntimeName, (file: string, opts?: RunOptions) => Promise<RuntimeResult>> = {
  workerd: runInWorkerd,
  chromium: runInChromium,
  deno: runInDeno,
  bun: runInBun,
  'edge-runtime': runInEdgeRuntime,
};
