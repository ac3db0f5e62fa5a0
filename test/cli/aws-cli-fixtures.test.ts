/**
 * `sigv4 presign` against the aws-cli cases of fixtures/sdk-presign-examples.json: the same
 * invocation (credentials, region, date, flags, config file) prints the same URL. The fixtures
 * record the query as an unordered dict (as upstream compares it); the whole URL is also compared
 * in botocore's order (SigV4QueryAuth: Algorithm, Credential, Date, Expires, SignedHeaders,
 * [Security-Token], then Signature), which without a session token is the canonical order sigv4
 * prints, so the output is byte-identical to `aws s3 presign`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureJson } from '../helpers/fixtures.js';
import { CLI_TEST_ENV, TempHome, run, splitUrl } from './helpers.js';

interface Example {
  id: string;
  input: { datetime: string; expires?: number; path: string; host: string };
  expected: { hostname: string; path: string; query_params: Record<string, string> };
}

const examples = fixtureJson<{ examples: Example[] }>('sdk-presign-examples.json').examples.filter((e) => e.id.startsWith('aws-cli-'));

/** How each upstream test invoked the CLI (aws-cli tests/functional/s3/test_presign_command.py). */
const INVOCATIONS: Record<string, { argv: string[]; config?: string }> = {
  'aws-cli-v2-presign-virtual-host': { argv: ['presign', 's3://bucket/key'] },
  'aws-cli-v2-presign-bucket-with-dots': { argv: ['presign', 's3://bucket.dots/key'] },
  'aws-cli-v2-presign-expires-in': { argv: ['presign', 's3://bucket/key', '--expires-in', '1000'] },
  // test_can_support_addressing_mode_config writes this config file.
  'aws-cli-v2-presign-path-style': { argv: ['presign', 's3://bucket/key'], config: '[default]\ns3 =\n    addressing_style = path\n' },
  // CLI v1 signed with the legacy global endpoint; the same URL comes from --endpoint-url.
  'aws-cli-v1-presign-sigv4-global-endpoint': { argv: ['presign', 's3://bucket/key', '--endpoint-url', 'https://s3.amazonaws.com'] },
};

const BOTOCORE_ORDER = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token', 'X-Amz-Signature'];

let home: TempHome | undefined;
afterEach(() => {
  home?.remove();
  home = undefined;
});

describe('aws-cli fixture cases', () => {
  it('covers every aws-cli case of the fixture file', () => {
    expect(examples.map((e) => e.id).sort()).toEqual(Object.keys(INVOCATIONS).sort());
  });

  for (const example of examples) {
    it(example.id, async () => {
      const invocation = INVOCATIONS[example.id];
      if (invocation === undefined) throw new Error(`no invocation for ${example.id}`);
      home = new TempHome();
      if (invocation.config !== undefined) home.config(invocation.config);
      const date = example.input.datetime.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
      const result = await run([...invocation.argv, '--date', date], { env: home.env(CLI_TEST_ENV) });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.endsWith('\n')).toBe(true);
      const url = result.stdout.slice(0, -1);
      expect(url).not.toContain('\n');

      const parts = splitUrl(url);
      expect(parts.protocol).toBe('https:');
      expect(parts.host).toBe(example.expected.hostname);
      expect(parts.path).toBe(example.expected.path);
      expect(Object.fromEntries(parts.query)).toEqual(example.expected.query_params);

      const q = example.expected.query_params;
      const botocore = BOTOCORE_ORDER.filter((n) => q[n] !== undefined).map((n) => `${n}=${q[n]}`).join('&');
      expect(url).toBe(`https://${example.expected.hostname}${example.expected.path}?${botocore}`);
    });
  }

  it('accepts bucket/key without s3://, as aws s3 presign does (test_s3_prefix_not_needed)', async () => {
    const withScheme = await run(['presign', 's3://bucket/key', '--date', '2016-08-18T14:33:03Z'], { env: CLI_TEST_ENV });
    const without = await run(['presign', 'bucket/key', '--date', '2016-08-18T14:33:03Z'], { env: CLI_TEST_ENV });
    expect(without.code).toBe(0);
    expect(without.stdout).toBe(withScheme.stdout);
    expect(without.stdout).toContain('X-Amz-Signature=1297528058f2c8b89cfa52c6a47d6c54890700a1da24702b06d53e774c0acc95');
  });

  it('with a session token, the parameters are in canonical order (aws s3 presign puts the token after SignedHeaders)', async () => {
    const result = await run(['presign', 's3://bucket/key', '--date', '2016-08-18T14:33:03Z'], {
      env: { ...CLI_TEST_ENV, AWS_SESSION_TOKEN: 'tok/en+=' },
    });
    expect(result.code).toBe(0);
    const { order, query } = splitUrl(result.stdout.trim());
    // Same parameters and signature as botocore; only the printed order differs (servers do not care).
    expect(order).toEqual(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Security-Token', 'X-Amz-SignedHeaders', 'X-Amz-Signature']);
    expect(query.get('X-Amz-Security-Token')).toBe('tok%2Fen%2B%3D');
  });
});
