/**
 * The real command in a child process: the bundled bin (built here from src/bin.ts with the
 * package build's esbuild settings, so the test never depends on a stale dist/), the package's
 * declared bin after `npm run build`, and `npx sigv4` when the package links its own bin.
 * Includes a pipe of 100,000 keys checked line by line against the library.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../helpers/build-cli.js';
import { createPresigner } from '../../src/node.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const ENV = { PATH: process.env['PATH'], HOME: '/nonexistent-home-for-sigv4-tests', AWS_ACCESS_KEY_ID: 'access_key', AWS_SECRET_ACCESS_KEY: 'secret_key', AWS_DEFAULT_REGION: 'us-east-1' };

let dir = '';
let bin = '';

beforeAll(async () => {
  ({ dir, bin } = await bundleCli('sigv4-bin-'));
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function runBin(args: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { env: options.env ?? ENV, input: options.input ?? '', encoding: 'utf8', cwd: options.cwd ?? ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the sigv4 binary', () => {
  it('starts with a shebang', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--version', () => {
    expect(runBin(['--version'])).toEqual({ status: 0, stdout: `${PKG.version}\n`, stderr: '' });
  });

  it('prints the aws-cli test suite URL (aws-cli-v2-presign-virtual-host)', () => {
    const r = runBin(['presign', 's3://bucket/key', '--date', '2016-08-18T14:33:03Z']);
    expect(r).toEqual({
      status: 0,
      stdout:
        'https://bucket.s3.us-east-1.amazonaws.com/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=access_key%2F20160818%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20160818T143303Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=1297528058f2c8b89cfa52c6a47d6c54890700a1da24702b06d53e774c0acc95\n',
      stderr: '',
    });
  });

  it('exit 2 on a usage error, 1 on a signing error, no stack trace', () => {
    const usage = runBin(['presign', 's3://bucket/key', '--expires-in', '0']);
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr.split('\n')).toHaveLength(3);
    const signing = runBin(['presign', 's3://bucket/key', '--region', 'Nowhere']);
    expect(signing.status).toBe(1);
    expect(signing.stderr).toMatch(/^sigv4: INVALID_REGION: /);
    expect(signing.stderr).not.toContain('    at ');
  });

  it('batch: 100,000 keys through a pipe, every line equal to the library URL for the same key and date', async () => {
    const n = 100_000;
    // Deterministic keys with spaces, Unicode, reserved and percent characters, some CRLF lines.
    const alphabet = ['a', 'b', 'Z', '0', '9', '/', '-', '_', '.', '~', ' ', '+', '%', '&', '=', '?', '#', '!', "'", '(', '*', 'é', '日', '😀', '\t', '\\'];
    let seed = 0x9e3779b9;
    const rand = (m: number): number => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      return seed % m;
    };
    const keys: string[] = [];
    for (let i = 0; i < n; i++) {
      let k = `k${i}/`;
      const len = rand(24);
      for (let j = 0; j < len; j++) k += alphabet[rand(alphabet.length)];
      keys.push(k);
    }
    const input = keys.map((k, i) => k + (i % 7 === 0 ? '\r\n' : '\n')).join('');

    const child = spawn(process.execPath, [bin, 'presign', '--batch', '--bucket', 'my-bucket', '--date', '2026-01-01T00:00:00Z', '--expires-in', '86400'], {
      env: ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Feed with backpressure, 64 KiB at a time.
    const bytes = Buffer.from(input);
    for (let i = 0; i < bytes.length; i += 65536) {
      if (!child.stdin.write(bytes.subarray(i, i + 65536))) await new Promise((r) => child.stdin.once('drain', r));
    }
    child.stdin.end();
    const status = await exited;
    expect(err).toBe('');
    expect(status).toBe(0);

    const lines = Buffer.concat(out).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(n);
    const presigner = createPresigner({ credentials: { accessKeyId: 'access_key', secretAccessKey: 'secret_key' }, region: 'us-east-1' });
    const date = new Date('2026-01-01T00:00:00Z');
    let mismatches = 0;
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (lines[i] !== presigner.presign({ bucket: 'my-bucket', key: keys[i] as string, date, expiresIn: 86400 }).url) {
        mismatches++;
        if (first < 0) first = i;
      }
    }
    expect({ mismatches, first }).toEqual({ mismatches: 0, first: -1 });
  }, 120_000);

  it('stops quietly with exit 0 when the reader goes away (| head -1)', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `key-${i}`).join('\n');
    // pipefail: the pipeline's status is sigv4's own when it is not 0.
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" presign --batch --bucket b-1 | head -1`], { env: ENV, input: keys, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^https:\/\/b-1\.s3\.us-east-1\.amazonaws\.com\/key-0\?[^\n]*\n$/);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('the installed command', () => {
  const declared = PKG.bin['sigv4'];
  it('package.json declares the bin', () => {
    expect(declared).toBe('dist/bin.js');
  });

  // Needs `npm run build` to bundle src/bin.ts (its esbuild entry list must include it).
  it('the declared bin exists after the build and runs', () => {
    const path = join(ROOT, declared as string);
    expect(existsSync(path), `${declared} is missing: add src/bin.ts to the esbuild entry points of "npm run build"`).toBe(true);
    const r = spawnSync(process.execPath, [path, '--version'], { encoding: 'utf8' });
    expect(r.stdout).toBe(`${PKG.version}\n`);
  });

  // `npx sigv4` inside the repository finds the command only in node_modules/.bin, which npm fills
  // for dependencies, not for the package itself (a self-link, "sigv4": "file:.", provides it).
  it('npx sigv4 --version (the package links its own bin: devDependency "sigv4": "file:.")', () => {
    const r = spawnSync('npx', ['--no-install', 'sigv4', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe(`${PKG.version}\n`);
  });
});
