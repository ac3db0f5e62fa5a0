/**
 * What `sigv4 presign` prints: the URL, --json, signed headers and query, methods, --debug,
 * --help and --version. main() in-process with fake streams and a clean environment.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPresigner } from '../../src/node.js';
import { CLI_TEST_ENV, FIXED_NOW, run, splitUrl } from './helpers.js';

const CREDENTIALS = { accessKeyId: 'access_key', secretAccessKey: 'secret_key' };
const presigner = createPresigner({ credentials: CREDENTIALS, region: 'us-east-1' });

describe('presign', () => {
  it('prints the library URL and a newline, nothing on stderr', async () => {
    const r = await run(['presign', 's3://my-bucket/photos/été 2026/a+b.jpg'], { env: CLI_TEST_ENV });
    expect(r).toEqual({
      code: 0,
      stdout: presigner.presign({ bucket: 'my-bucket', key: 'photos/été 2026/a+b.jpg', date: FIXED_NOW }).url + '\n',
      stderr: '',
    });
  });

  it('the key is everything after the bucket, verbatim (//, ., .., %, ?, #)', async () => {
    const key = '//a/./b/../c%41?x=1#frag';
    const r = await run(['presign', `s3://my-bucket/${key}`], { env: CLI_TEST_ENV });
    expect(r.stdout).toBe(presigner.presign({ bucket: 'my-bucket', key, date: FIXED_NOW }).url + '\n');
    expect(splitUrl(r.stdout.trim()).path).toBe('///a/./b/../c%2541%3Fx%3D1%23frag');
  });

  it('s3://bucket and s3://bucket/ presign the bucket itself', async () => {
    const expected = presigner.presign({ bucket: 'my-bucket', key: '', date: FIXED_NOW }).url + '\n';
    expect((await run(['presign', 's3://my-bucket'], { env: CLI_TEST_ENV })).stdout).toBe(expected);
    expect((await run(['presign', 's3://my-bucket/'], { env: CLI_TEST_ENV })).stdout).toBe(expected);
  });

  it('--bucket makes the argument a bare key, taken verbatim (even one that looks like a URI)', async () => {
    const r = await run(['presign', '--bucket', 'my-bucket', 's3://not/a/uri'], { env: CLI_TEST_ENV });
    expect(r.stdout).toBe(presigner.presign({ bucket: 'my-bucket', key: 's3://not/a/uri', date: FIXED_NOW }).url + '\n');
  });

  it('the clock comes from io.now without --date, and --date wins over it', async () => {
    const r1 = await run(['presign', 's3://b-1/k'], { env: CLI_TEST_ENV, now: () => new Date('2030-05-06T07:08:09.999Z') });
    expect(splitUrl(r1.stdout.trim()).query.get('X-Amz-Date')).toBe('20300506T070809Z');
    const r2 = await run(['presign', 's3://b-1/k', '--date', '2031-01-02T03:04:05+01:00'], { env: CLI_TEST_ENV });
    expect(splitUrl(r2.stdout.trim()).query.get('X-Amz-Date')).toBe('20310102T020405Z');
    const r3 = await run(['presign', 's3://b-1/k', '--date', '20310102T030405Z'], { env: CLI_TEST_ENV });
    expect(splitUrl(r3.stdout.trim()).query.get('X-Amz-Date')).toBe('20310102T030405Z');
  });

  it('--method, lower case accepted', async () => {
    for (const method of ['PUT', 'head', 'Delete', 'POST', 'GET']) {
      const r = await run(['presign', 's3://b-1/k', '--method', method], { env: CLI_TEST_ENV });
      expect(r.stdout).toBe(presigner.presign({ bucket: 'b-1', key: 'k', method: method.toUpperCase(), date: FIXED_NOW }).url + '\n');
    }
  });
});

describe('--json', () => {
  it('prints { url, method, headers, expiresAt } on one line', async () => {
    const r = await run(['presign', 's3://my-bucket/k', '--json', '--expires-in', '600'], { env: CLI_TEST_ENV });
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.split('\n')).toHaveLength(2);
    const o = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(['url', 'method', 'headers', 'expiresAt']);
    expect(o).toEqual({
      url: presigner.presign({ bucket: 'my-bucket', key: 'k', date: FIXED_NOW, expiresIn: 600 }).url,
      method: 'GET',
      headers: {},
      expiresAt: '2016-08-18T14:43:03.000Z',
    });
  });

  it('--content-type and --header: signed, and listed in headers for the caller to send', async () => {
    const argv = ['presign', 's3://my-bucket/up.png', '--method', 'PUT', '--content-type', 'image/png', '--header', 'x-amz-acl: private', '--header', 'X-Amz-Meta-Owner:  ann  ', '--json'];
    const r = await run(argv, { env: CLI_TEST_ENV });
    const o = JSON.parse(r.stdout) as { url: string; method: string; headers: Record<string, string> };
    expect(o.method).toBe('PUT');
    expect(o.headers).toEqual({ 'Content-Type': 'image/png', 'x-amz-acl': 'private', 'X-Amz-Meta-Owner': 'ann' });
    const expected = presigner.presign({
      bucket: 'my-bucket', key: 'up.png', method: 'PUT', date: FIXED_NOW,
      headers: [['Content-Type', 'image/png'], ['x-amz-acl', 'private'], ['X-Amz-Meta-Owner', 'ann']],
    });
    expect(o.url).toBe(expected.url);
    expect(splitUrl(o.url).query.get('X-Amz-SignedHeaders')).toBe('content-type%3Bhost%3Bx-amz-acl%3Bx-amz-meta-owner');
  });

  it('--query: signed query parameters, raw values; a repeated name keeps both; a bare name is empty', async () => {
    const argv = ['presign', 's3://my-bucket/k', '--query', 'response-content-disposition=attachment; filename="a b.txt"', '--query', 'x=1', '--query', 'x=2', '--query', 'versionId=a=b', '--query', 'acl'];
    const r = await run(argv, { env: CLI_TEST_ENV });
    const expected = presigner.presign({
      bucket: 'my-bucket', key: 'k', date: FIXED_NOW,
      query: { 'response-content-disposition': 'attachment; filename="a b.txt"', x: ['1', '2'], versionId: 'a=b', acl: '' },
    });
    expect(r.stdout).toBe(expected.url + '\n');
    const q = splitUrl(expected.url).query;
    expect(q.get('response-content-disposition')).toBe('attachment%3B%20filename%3D%22a%20b.txt%22');
    expect(q.get('versionId')).toBe('a%3Db');
    expect(q.get('acl')).toBe('');
  });
});

describe('--debug', () => {
  it('prints the settings, CanonicalRequest and StringToSign on stderr; stdout is unchanged', async () => {
    const plain = await run(['presign', 's3://bucket/key'], { env: CLI_TEST_ENV });
    const r = await run(['presign', 's3://bucket/key', '--debug'], { env: CLI_TEST_ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    const p = presigner.presign({ bucket: 'bucket', key: 'key', date: FIXED_NOW });
    expect(r.stderr).toBe(
      '--- settings\n' +
        'profile: default\n' +
        'credentials: access key access_key from environment (AWS_ACCESS_KEY_ID)\n' +
        'region: us-east-1 (from AWS_DEFAULT_REGION)\n' +
        'endpoint: AWS S3\n' +
        'addressing: virtual-hosted when the bucket name allows it\n' +
        `--- CanonicalRequest\n${p.canonicalRequest}\n--- StringToSign\n${p.stringToSign}\n`,
    );
    expect(r.stderr).not.toContain('secret_key');
  });

  it('redacts the session token in the canonical request', async () => {
    const token = 'FwoGZXIvYXdzEJr//////////wEaDSECRETTOKEN+/=';
    const r = await run(['presign', 's3://bucket/key', '--debug'], { env: { ...CLI_TEST_ENV, AWS_SESSION_TOKEN: token } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('X-Amz-Security-Token=FwoGZXIvYXdzEJr');
    expect(r.stderr).toContain('X-Amz-Security-Token=<redacted>&X-Amz-SignedHeaders=host\n');
    expect(r.stderr).toContain('with a session token');
    expect(r.stderr).not.toContain('SECRETTOKEN');
    expect(r.stderr).not.toContain('FwoGZXIvYXdzEJr');
  });

  it('redacts an SSE-C key header', async () => {
    const r = await run(['presign', 's3://bucket/key', '--debug', '--header', 'x-amz-server-side-encryption-customer-key: c2VjcmV0a2V5'], { env: CLI_TEST_ENV });
    expect(r.stderr).toContain('x-amz-server-side-encryption-customer-key:<redacted>\n');
    expect(r.stderr).not.toContain('c2VjcmV0a2V5');
  });
});

describe('--help and --version', () => {
  it('--help and -h print the help on stdout, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['presign', '--help'], ['presign', 's3://b/k', '-h']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^sigv4: presigned S3 URLs/);
      for (const flag of ['--expires-in', '--method', '--region', '--profile', '--endpoint-url', '--path-style', '--content-type', '--header', '--query', '--date', '--bucket', '--batch', '--json', '--allow-expiring-credentials', '--debug', '--version']) {
        expect(r.stdout).toContain(flag);
      }
    }
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
