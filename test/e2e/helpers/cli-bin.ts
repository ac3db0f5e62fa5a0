/**
 * The `sigv4` command as users run it: src/bin.ts bundled with the package build's esbuild
 * settings into a temporary dist/ (as test/cli/cli-bin.test.ts does, so a stale or partial
 * dist/ never decides the result), run with `node` in a child process.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli } from '../../helpers/build-cli.js';


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
  const { dir, bin } = await bundleCli('sigv4-e2e-cli-');
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
