/**
 * In-process harness for `main(argv, io)`: fake streams, a temporary HOME holding real
 * ~/.aws/credentials and ~/.aws/config files, and a clean environment (nothing from the
 * machine running the tests leaks in).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main, type CliIo } from '../../src/cli.js';

export const FIXED_NOW = new Date('2016-08-18T14:33:03Z');

export class Collector extends Writable {
  readonly chunks: string[] = [];
  constructor(highWaterMark = 16384) {
    super({ highWaterMark, decodeStrings: false });
  }
  override _write(chunk: unknown, _enc: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    // Asynchronous completion, so write() returns false under load and 'drain' is exercised.
    setImmediate(cb);
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** stdin: a string, or chunks (strings or bytes) to deliver one by one. */
  stdin?: string | Array<string | Uint8Array>;
  isTTY?: boolean;
  now?: () => Date;
  stdout?: Writable;
}

/** A temporary HOME; write files into it with `file()`. */
export class TempHome {
  readonly dir: string;
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'sigv4-cli-'));
    mkdirSync(join(this.dir, '.aws'));
  }
  file(relative: string, text: string, mode?: number): string {
    const path = join(this.dir, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    if (mode !== undefined) chmodSync(path, mode);
    return path;
  }
  credentials(text: string): string {
    return this.file('.aws/credentials', text);
  }
  config(text: string): string {
    return this.file('.aws/config', text);
  }
  /** An environment with only HOME (and PATH, for credential_process). */
  env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return { HOME: this.dir, PATH: process.env['PATH'], ...extra };
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = options.stdout ?? new Collector();
  const stderr = new Collector();
  const input = options.stdin ?? '';
  const io: CliIo = {
    stdin: Readable.from(typeof input === 'string' ? [input] : input, { objectMode: true }),
    stdout,
    stderr,
    env: options.env ?? {},
    isTTY: options.isTTY,
    now: options.now ?? (() => FIXED_NOW),
  };
  const code = await main(argv, io);
  // Everything main() wrote must be in the stream by now; end() waits for what is still queued.
  await Promise.all([stdout, stderr].map((s) => new Promise((resolve) => s.end(resolve))));
  return { code, stdout: stdout instanceof Collector ? stdout.text : '', stderr: stderr.text };
}

/** The AWS CLI test suite's credentials (aws-cli tests/functional/s3/test_presign_command.py). */
export const CLI_TEST_ENV = { AWS_ACCESS_KEY_ID: 'access_key', AWS_SECRET_ACCESS_KEY: 'secret_key', AWS_DEFAULT_REGION: 'us-east-1' };

/** Splits a presigned URL into what the fixtures record: host, path, and query as a map. */
export function splitUrl(url: string): { protocol: string; host: string; path: string; query: Map<string, string>; order: string[] } {
  const m = /^(https?:)\/\/([^/]+)([^?]*)\?(.*)$/.exec(url);
  if (m === null) throw new Error(`not a presigned URL: ${url}`);
  const query = new Map<string, string>();
  const order: string[] = [];
  for (const pair of (m[4] as string).split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    query.set(name, eq < 0 ? '' : pair.slice(eq + 1));
    order.push(name);
  }
  return { protocol: m[1] as string, host: m[2] as string, path: m[3] as string, query, order };
}
