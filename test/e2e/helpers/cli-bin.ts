/**
 * The `sigv4` command as users run it: src/bin.ts bundled with the package build's esbuild
 * settings into a temporary dist/ (as test/cli/cli-bin.test.ts does, so a stale or partial
 * dist/ never decides the result), run with `node` in a child process.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Cli {
  /** Runs `node <dir>/dist/bin.js ...args` with exactly `env` (plus PATH) and `input` on stdin. */
  run(args: readonly string[], env: Readonly<Record<string, string>>, input?: string): Promise<CliRun>;
  remove(): void;
}

export async function buildCli(): Promise<Cli> {
  const dir = mkdtempSync(join(tmpdir(), 'sigv4-e2e-cli-'));
  await build({
    entryPoints: ['src/node.ts', 'src/bin.ts'].map((p) => join(ROOT, p)),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    external: ['node:*'],
    outdir: join(dir, 'dist'),
    chunkNames: 'shared-[hash]',
    logLevel: 'warning',
  });
  // --version reads ../package.json from the bundle, as in the published package.
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const bin = join(dir, 'dist', 'bin.js');
  return {
    run(args, env, input = '') {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], {
          env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: join(dir, 'no-home'), ...env },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
        child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(input);
      });
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
