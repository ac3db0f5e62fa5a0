/**
 * `sigv4 presign --batch` in-process: lines in, one URL (or JSON line) per line out, in order;
 * chunk boundaries anywhere (mid-line, mid-CRLF, mid-UTF-8 sequence); errors name the line and
 * keep the URLs of the lines before it; backpressure; a closed reader; progress on a terminal.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPresigner } from '../../src/node.js';
import { CLI_TEST_ENV, Collector, FIXED_NOW, run } from './helpers.js';

const presigner = createPresigner({ credentials: { accessKeyId: 'access_key', secretAccessKey: 'secret_key' }, region: 'us-east-1' });
const url = (bucket: string, key: string, extra: Record<string, unknown> = {}): string => presigner.presign({ bucket, key, date: FIXED_NOW, ...extra }).url;

const KEYS = ['a.txt', 'photos/été 2026/a+b.jpg', 'x y\tz', '日本語/ファイル', '😀/%41/..//', "!'()*&=?#;:@$,", ' leading and trailing '];

describe('--batch', () => {
  it('bare keys with --bucket: one URL per line, in order', async () => {
    const r = await run(['presign', '--batch', '--bucket', 'my-bucket'], { env: CLI_TEST_ENV, stdin: KEYS.join('\n') + '\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(KEYS.map((k) => url('my-bucket', k) + '\n').join(''));
  });

  it('s3://bucket/key lines without --bucket, buckets may differ', async () => {
    const lines = ['s3://one/a', 's3://two.dots/b/c', 's3://three/'];
    const r = await run(['presign', '--batch'], { env: CLI_TEST_ENV, stdin: lines.join('\n') });
    expect(r.stdout).toBe([url('one', 'a'), url('two.dots', 'b/c'), url('three', '')].map((u) => u + '\n').join(''));
  });

  it('with --bucket every line is a key, even one that starts with s3://', async () => {
    const r = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: 's3://x/y\n' });
    expect(r.stdout).toBe(url('b-1', 's3://x/y') + '\n');
  });

  it('CRLF input: one trailing CR is removed per line; a CR inside a key stays', async () => {
    const r = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: 'a\r\nb\rc\r\nd\r\r\ne' });
    expect(r.stdout.split('\n').slice(0, -1)).toEqual([url('b-1', 'a'), url('b-1', 'b\rc'), url('b-1', 'd\r'), url('b-1', 'e')]);
  });

  it('a last line without a newline is a line; no input, no output', async () => {
    expect((await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: 'a\nb' })).stdout).toBe(url('b-1', 'a') + '\n' + url('b-1', 'b') + '\n');
    expect(await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: '' })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('chunks split anywhere, including inside CRLF and inside a UTF-8 sequence', async () => {
    const text = KEYS.join('\r\n') + '\r\n';
    const bytes = new TextEncoder().encode(text);
    const expected = KEYS.map((k) => url('b-1', k) + '\n').join('');
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
      const r = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: chunks });
      expect(r.stdout).toBe(expected);
    }
  });

  it('a UTF-8 byte order mark at the start is not part of the first key', async () => {
    const r = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: [new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a])] });
    expect(r.stdout).toBe(url('b-1', 'a') + '\n');
  });

  it('--json: one { url, method, headers, expiresAt } object per line', async () => {
    const argv = ['presign', '--batch', '--bucket', 'b-1', '--json', '--method', 'PUT', '--content-type', 'text/plain', '--expires-in', '60'];
    const r = await run(argv, { env: CLI_TEST_ENV, stdin: 'a\nb\n' });
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(3);
    for (const [i, key] of ['a', 'b'].entries()) {
      expect(JSON.parse(lines[i] as string)).toEqual({
        url: url('b-1', key, { method: 'PUT', expiresIn: 60, headers: { 'Content-Type': 'text/plain' } }),
        method: 'PUT',
        headers: { 'Content-Type': 'text/plain' },
        expiresAt: '2016-08-18T14:34:03.000Z',
      });
    }
  });

  it('flags apply to every line (--expires-in, --method, --query, --path-style, --endpoint-url)', async () => {
    const argv = ['presign', '--batch', '--expires-in', '900', '--method', 'HEAD', '--query', 'versionId=3', '--path-style', '--endpoint-url', 'https://minio.example:9000'];
    const r = await run(argv, { env: CLI_TEST_ENV, stdin: 's3://b-1/k\ns3://b-2/j\n' });
    const expected = createPresigner({ credentials: { accessKeyId: 'access_key', secretAccessKey: 'secret_key' }, region: 'us-east-1', endpoint: 'https://minio.example:9000', forcePathStyle: true });
    expect(r.stdout).toBe(
      [['b-1', 'k'], ['b-2', 'j']].map(([bucket, key]) => expected.presign({ bucket, key, date: FIXED_NOW, expiresIn: 900, method: 'HEAD', query: { versionId: '3' } }).url + '\n').join(''),
    );
    expect(r.stdout).toMatch(/^https:\/\/minio\.example:9000\/b-1\/k\?/);
  });

  it('without --date, each chunk is signed at the time it is read (io.now)', async () => {
    let calls = 0;
    const now = (): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, calls++));
    const r = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: ['a\nb\n', 'c\n'], now });
    const dates = r.stdout.trim().split('\n').map((u) => /X-Amz-Date=(\w+)/.exec(u)?.[1]);
    expect(dates).toEqual(['20260101T000000Z', '20260101T000000Z', '20260101T000001Z']);
  });

  it('--debug prints the canonical request of every line', async () => {
    const r = await run(['presign', '--batch', '--bucket', 'b-1', '--debug'], { env: CLI_TEST_ENV, stdin: 'a\nb\n' });
    expect(r.stderr).toContain('--- line 1\n--- CanonicalRequest\nGET\n/a\n');
    expect(r.stderr).toContain('--- line 2\n--- CanonicalRequest\nGET\n/b\n');
  });

  describe('bad lines: exit 1 naming the line; the URLs before it are written', () => {
    async function badLine(argv: string[], stdin: string | Uint8Array[], line: number, message: string): Promise<string> {
      const r = await run(['presign', '--batch', ...argv], { env: CLI_TEST_ENV, stdin });
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(`sigv4: stdin line ${line}: ${message}`);
      return r.stdout;
    }

    it('an empty line (it would presign the bucket itself)', async () => {
      const out = await badLine(['--bucket', 'b-1'], 'a\nb\n\nc\n', 3, 'INVALID_INPUT: the line is empty; presign a bucket itself with `sigv4 presign s3://bucket`');
      expect(out).toBe(url('b-1', 'a') + '\n' + url('b-1', 'b') + '\n');
    });

    it('a line that is not an s3:// URI without --bucket', async () => {
      const out = await badLine([], 's3://b-1/a\nphotos/b.jpg\n', 2, 'INVALID_INPUT: expected s3://bucket/key (Without --bucket, every line must be an s3://bucket/key URI; with --bucket, every line is a key.)');
      expect(out).toBe(url('b-1', 'a') + '\n');
    });

    it('a bad bucket name on a line', async () => {
      await badLine([], 's3://b-1/a\ns3://b-1/b\ns3://Bad Bucket/c\n', 3, 'INVALID_BUCKET: bucket: expected an S3 bucket name (letters, digits, \'.\', \'-\', \'_\'), got "Bad Bucket"');
    });

    it('input that is not UTF-8', async () => {
      const out = await badLine(['--bucket', 'b-1'], [new TextEncoder().encode('a\nb\n'), new Uint8Array([0x63, 0xff, 0x0a])], 3, 'INVALID_INPUT: the line is not valid UTF-8');
      expect(out).toBe(url('b-1', 'a') + '\n' + url('b-1', 'b') + '\n');
    });

    it('input that is not UTF-8, in the middle of a chunk: the line is named exactly', async () => {
      const out = await badLine(['--bucket', 'b-1'], [new Uint8Array([0x61, 0x0a, 0x62, 0x0d, 0x0a, 0xc3, 0x28, 0x0a, 0x63, 0x0a])], 3, 'INVALID_INPUT: the line is not valid UTF-8');
      expect(out).toBe(url('b-1', 'a') + '\n' + url('b-1', 'b') + '\n');
    });

    it('a line longer than 1 MiB (memory stays bounded without newlines)', async () => {
      await badLine(['--bucket', 'b-1'], ['ok\n', 'x'.repeat(600_000), 'x'.repeat(600_000)], 2, 'INVALID_INPUT: the line is longer than 1048576 bytes');
    });

    it('temporary credentials that would expire first', async () => {
      const env = { ...CLI_TEST_ENV, AWS_SESSION_TOKEN: 'tok', AWS_CREDENTIAL_EXPIRATION: '2016-08-18T15:00:00Z' };
      const r = await run(['presign', '--batch', '--bucket', 'b-1'], { env, stdin: 'a\n' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^sigv4: stdin line 1: CREDENTIALS_EXPIRE_TOO_SOON: /);
      const ok = await run(['presign', '--batch', '--bucket', 'b-1', '--allow-expiring-credentials'], { env, stdin: 'a\n' });
      expect(ok.code).toBe(0);
    });
  });

  it('waits for drain: a slow stdout gets every URL, in order', async () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k/${i}`);
    const stdout = new Collector(1024);
    let drains = 0;
    stdout.on('drain', () => drains++);
    // 64 KiB chunks, like a pipe.
    const text = keys.join('\n') + '\n';
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65536) chunks.push(text.slice(i, i + 65536));
    const r = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin: chunks, stdout });
    expect(r.code).toBe(0);
    expect(drains).toBeGreaterThan(0);
    const lines = stdout.text.split('\n');
    expect(lines).toHaveLength(keys.length + 1);
    expect(lines[0]).toBe(url('b-1', 'k/0'));
    expect(lines[4999]).toBe(url('b-1', 'k/4999'));
  });

  it('a reader that goes away (EPIPE, e.g. | head) ends the run quietly with exit 0', async () => {
    let written = 0;
    const stdout = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, cb) {
        written++;
        const e = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        setImmediate(() => cb(e));
      },
    });
    async function* endless(): AsyncGenerator<string> {
      for (let i = 0; ; i++) yield `key-${i}\n`;
    }
    const stderr = new Collector();
    const { main } = await import('../../src/cli.js');
    const code = await main(['presign', '--batch', '--bucket', 'b-1'], { stdin: endless(), stdout, stderr, env: CLI_TEST_ENV, now: () => FIXED_NOW });
    expect(code).toBe(0);
    expect(written).toBe(1);
    expect(stderr.text).toBe('');
  });

  it('another write error is exit 1 with its message', async () => {
    const stdout = new Writable({
      write(_chunk, _enc, cb) {
        cb(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      },
    });
    const stderr = new Collector();
    const { main } = await import('../../src/cli.js');
    const code = await main(['presign', '--batch', '--bucket', 'b-1'], { stdin: ['a\n', 'b\n'], stdout, stderr, env: CLI_TEST_ENV, now: () => FIXED_NOW });
    expect(code).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(stderr.chunks.join('')).toContain('sigv4: no space left on device');
  });

  it('progress (count and rate) on stderr only when io.isTTY', async () => {
    const stdin = Array.from({ length: 3 }, (_, i) => `a${i}\nb${i}\n`);
    const quiet = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin });
    expect(quiet.stderr).toBe('');
    const tty = await run(['presign', '--batch', '--bucket', 'b-1'], { env: CLI_TEST_ENV, stdin, isTTY: true });
    expect(tty.stdout).toBe(quiet.stdout);
    expect(tty.stderr).toMatch(/^\r2 URLs, [\d,]+\/s\x1b\[K/);
    expect(tty.stderr).toMatch(/\r6 URLs, [\d,]+\/s in \d+\.\d s\x1b\[K\n$/);
  });
});
