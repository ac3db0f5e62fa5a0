/**
 * Bad input. Usage errors exit 2 with a one-line message and a one-line hint; signing and
 * credential errors exit 1 with the error code and message; stdout stays empty; no stack trace
 * unless --debug; no secret in any message.
 */
import { describe, expect, it } from 'vitest';
import { CLI_TEST_ENV, run } from './helpers.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ENV = { ...CLI_TEST_ENV, AWS_SECRET_ACCESS_KEY: SECRET };

async function usage(argv: string[], message: string | RegExp): Promise<string> {
  const r = await run(argv, { env: ENV });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  // One line of message, one of hint, then the final newline.
  expect(lines).toHaveLength(3);
  expect(lines[2]).toBe('');
  const first = lines[0] as string;
  expect(first.startsWith('sigv4: ')).toBe(true);
  if (typeof message === 'string') expect(first).toBe(`sigv4: ${message}`);
  else expect(first).toMatch(message);
  expect((lines[1] as string).length).toBeGreaterThan(0);
  expect(r.stderr).not.toContain('    at ');
  return lines[1] as string;
}

describe('usage errors: exit 2', () => {
  it.each<[string, string[], string | RegExp]>([
    ['no command', [], 'missing command'],
    ['an unknown command', ['sign', 's3://b/k'], "unknown command 'sign'"],
    ['an unknown option', ['presign', 's3://b/k', '--expires', '5'], "unknown option '--expires'"],
    ['an unknown short option', ['presign', 's3://b/k', '-x'], "unknown option '-x'"],
    ['a missing URI', ['presign'], 'missing the S3 URI to presign'],
    ['two URIs', ['presign', 's3://b/k', 's3://b/j'], 'expected one S3 URI, got 2 arguments'],
    ['an https URL', ['presign', 'https://b.s3.amazonaws.com/k'], 'expected an S3 URI such as s3://bucket/key, got a https:// URL'],
    ['an s3 URI without a bucket', ['presign', 's3:///key'], 'expected s3://bucket/key, got no bucket name'],
    ['an empty s3 URI', ['presign', 's3://'], 'expected s3://bucket/key, got no bucket name'],
    ['an access point ARN', ['presign', 's3://arn:aws:s3:us-west-2:123456789012:accesspoint/ap/key'], 'S3 access point and Outposts ARNs are not supported'],
    ['--expires-in not a number', ['presign', 's3://b/k', '--expires-in', 'abc'], '--expires-in: expected an integer number of seconds in 1..604800, got "abc"'],
    ['--expires-in 0', ['presign', 's3://b/k', '--expires-in', '0'], /got "0"$/],
    ['--expires-in over 7 days', ['presign', 's3://b/k', '--expires-in', '604801'], /got "604801"$/],
    ['--expires-in fractional', ['presign', 's3://b/k', '--expires-in', '1.5'], /got "1.5"$/],
    ['--expires-in negative', ['presign', 's3://b/k', '--expires-in=-5'], /got "-5"$/],
    ['--expires-in with a unit', ['presign', 's3://b/k', '--expires-in', '1h'], /got "1h"$/],
    ['--expires-in empty', ['presign', 's3://b/k', '--expires-in='], /got ""$/],
    ['--method not in the list', ['presign', 's3://b/k', '--method', 'PATCH'], '--method: expected one of GET, PUT, HEAD, DELETE, POST, got "PATCH"'],
    ['--header without a colon', ['presign', 's3://b/k', '--header', 'x-amz-acl private'], "--header: expected 'Name: value', got no ':'"],
    ['--header without a name', ['presign', 's3://b/k', '--header', ': v'], "--header: expected 'Name: value', got no name before ':'"],
    ['the content type twice', ['presign', 's3://b/k', '--content-type', 'a/b', '--header', 'content-type: c/d'], 'the content type is given twice (--content-type and --header)'],
    ['--query without a name', ['presign', 's3://b/k', '--query', '=v'], "--query: expected 'name=value', got no name"],
    ['--date without a zone', ['presign', 's3://b/k', '--date', '2026-01-01T00:00:00'], /^sigv4: --date: expected a time such as 2026-01-01T00:00:00Z, got "2026-01-01T00:00:00"$/],
    ['--date impossible', ['presign', 's3://b/k', '--date', '2026-02-30T00:00:00Z'], /^sigv4: --date: expected a time/],
    ['--date hour 24', ['presign', 's3://b/k', '--date', '2026-01-01T24:00:00Z'], /^sigv4: --date: expected a time/],
    ['--date a day only', ['presign', 's3://b/k', '--date', '2026-01-01'], /^sigv4: --date: expected a time/],
    ['--date words', ['presign', 's3://b/k', '--date', 'now'], /^sigv4: --date: expected a time/],
    ['an option without its value', ['presign', 's3://b/k', '--region'], "option '--region' needs a value"],
    ['an option followed by another option', ['presign', 's3://b/k', '--region', '--json'], "option '--region' needs a value"],
    ['a value for a boolean option', ['presign', 's3://b/k', '--json=yes'], "option '--json' takes no value"],
    ['an empty --region', ['presign', 's3://b/k', '--region', ''], '--region: expected a value, got an empty string'],
    ['an empty --profile', ['presign', 's3://b/k', '--profile='], '--profile: expected a value, got an empty string'],
    ['an empty --bucket', ['presign', 'k', '--bucket', ''], '--bucket: expected a bucket name, got an empty string'],
    ['--batch with a URI', ['presign', '--batch', 's3://b/k'], '--batch reads its keys from stdin: give no S3 URI argument'],
  ])('%s', async (_name, argv, message) => {
    await usage(argv, message);
  });

  it('a flag that looks like a secret gets its own hint, and its value is never echoed', async () => {
    for (const flag of ['--secret-access-key', '--aws-secret-access-key', '--access-key', '--session-token', '--token']) {
      const hint = await usage(['presign', 's3://b/k', `${flag}=${SECRET}`], `unknown option '${flag}': sigv4 never takes credentials from the command line (argv shows in ps and shell history)`);
      expect(hint).toContain('AWS_SECRET_ACCESS_KEY');
    }
    const r = await run(['presign', 's3://b/k', '--secret-access-key', SECRET], { env: ENV });
    expect(r.stderr).not.toContain(SECRET);
  });

  it('extra arguments are counted, not echoed (one may be a secret typed in the wrong place)', async () => {
    const r = await run(['presign', 's3://b/k', SECRET], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(SECRET);
  });

  it('usage errors come before credentials are looked for', async () => {
    const r = await run(['presign', 's3://b/k', '--expires-in', '0'], { env: {} });
    expect(r.code).toBe(2);
  });

  it('--debug does not add a stack trace to a usage error', async () => {
    const r = await run(['presign', '--debug', '--expires-in', 'x', 's3://b/k'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(3);
  });
});

describe('signing errors: exit 1 with the SigV4Error code', () => {
  async function failure(argv: string[], env: Record<string, string> = ENV): Promise<string> {
    const r = await run(argv, { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).not.toContain('    at ');
    return r.stderr;
  }

  it.each<[string, string[], string]>([
    ['an invalid region flag', ['presign', 's3://b/k', '--region', 'US_EAST_1'], 'sigv4: INVALID_REGION: region: expected an AWS region name such as "us-east-1", got "US_EAST_1" (from --region)\n'],
    ['an invalid bucket name', ['presign', 's3://bad bucket!/k'], 'sigv4: INVALID_BUCKET: bucket: expected an S3 bucket name (letters, digits, \'.\', \'-\', \'_\'), got "bad bucket!"\n'],
    ['an invalid endpoint', ['presign', 's3://b/k', '--endpoint-url', 'not a url'], 'sigv4: INVALID_URL: '],
    ['an invalid header name', ['presign', 's3://b/k', '--header', 'bad name: v'], 'sigv4: INVALID_HEADER: headers.bad name: '],
    ['a header value with a control character', ['presign', 's3://b/k', '--header', 'x-a: a\rb'], 'sigv4: INVALID_HEADER: headers.x-a: expected a value without CR, LF or NUL\n'],
    ['a query parameter the signer writes', ['presign', 's3://b/k', '--query', 'X-Amz-Signature=0'], 'sigv4: INVALID_QUERY: query.X-Amz-Signature: this parameter is written by the signer and may not be given\n'],
    ['a year the signer refuses', ['presign', 's3://b/k', '--date', '0999-01-01T00:00:00Z'], 'sigv4: INVALID_DATE: '],
  ])('%s', async (_name, argv, expected) => {
    const stderr = await failure(argv);
    if (expected.endsWith('\n')) expect(stderr).toBe(expected);
    else expect(stderr.startsWith(expected)).toBe(true);
  });

  it('invalid credentials: the code and field, never the secret', async () => {
    const stderr = await failure(['presign', 's3://b/k'], { ...ENV, AWS_ACCESS_KEY_ID: 'AKID/WITH/SLASH' });
    expect(stderr).toBe("sigv4: INVALID_CREDENTIALS: credentials.accessKeyId: expected printable ASCII without '/' or spaces, got a string of length 15\n");
  });

  it('a credential error (no credentials) exits 1 with its code and a hint', async () => {
    const stderr = await failure(['presign', 's3://b/k'], { HOME: '/nonexistent-home-for-sigv4-tests' });
    expect(stderr).toMatch(/^sigv4: NO_CREDENTIALS: no credentials: /);
    expect(stderr).toContain("Run 'sigv4 --help'");
  });

  it('--debug adds the stack trace', async () => {
    const r = await run(['presign', 's3://b/k', '--region', 'BAD', '--debug'], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sigv4: INVALID_REGION: ');
    expect(r.stderr).toContain('    at ');
    expect(r.stderr).not.toContain(SECRET);
  });
});
