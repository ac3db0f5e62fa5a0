/**
 * AWS's original SigV4 suite (fixtures/aws-sig-v4-test-suite, botocore's copy): header form
 * only (the suite has no query form); canonical request, string to sign and Authorization
 * byte-equal to .creq, .sts and .authz.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/node.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { dateFromAmzDate, parseRequestFile } from '../helpers/request-file.js';

const SUITE = 'aws-sig-v4-test-suite';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
// The value post-sts-token/readme.txt gives for X-Amz-Security-Token.
const STS_TOKEN = /^AQoDYXdz\S+==$/m.exec(fixture(SUITE, 'post-sts-token', 'readme.txt'))![0];

/** Case folders (those holding a .req), relative to the suite, nested groups included. */
function findCases(dir: string): string[] {
  const abs = join(FIXTURES, SUITE, dir);
  const names = readdirSync(abs);
  const base = dir.split('/').pop() as string;
  if (names.includes(`${base}.req`)) return [dir];
  return names
    .filter((n) => statSync(join(abs, n)).isDirectory())
    .sort()
    .flatMap((n) => findCases(dir === '' ? n : `${dir}/${n}`));
}

const cases = findCases('');

it('holds all 34 cases (24 + normalize-path 8 + post-sts-token 2)', () => {
  expect(cases).toHaveLength(34);
});

describe.each(cases)('%s', (dir) => {
  it('header form', () => {
    const name = dir.split('/').pop() as string;
    const file = (ext: string) => fixture(SUITE, dir, `${name}.${ext}`);
    const req = parseRequestFile(file('req'));
    const creq = file('creq');
    // The token is the credentials' (the signer adds the header): read it from the request, or
    // for get-vanilla-with-session-token (whose .req lacks it) from the expected .creq.
    const tokenHeader = req.headers.find(([n]) => n.toLowerCase() === 'x-amz-security-token');
    const tokenInCreq = /^x-amz-security-token:(.*)$/m.exec(creq)?.[1];
    const after = name === 'post-sts-header-after';
    const sessionToken = after ? STS_TOKEN : (tokenHeader?.[1] ?? tokenInCreq);
    const amzDate = req.headers.find(([n]) => n.toLowerCase() === 'x-amz-date')![1];
    const signed = signRequest({
      credentials: { ...CREDENTIALS, sessionToken },
      region: 'us-east-1',
      service: 'service',
      // normalize-path/ holds the normalising cases; S3 rules are tested elsewhere.
      normalizePath: true,
      signSessionToken: !after,
      date: dateFromAmzDate(amzDate),
      method: req.method,
      url: { host: req.host, path: req.path, query: req.query },
      headers: req.headers.filter(([n]) => n.toLowerCase() !== 'x-amz-security-token'),
      body: req.body,
    });
    expect(signed.canonicalRequest).toBe(creq);
    expect(signed.stringToSign).toBe(file('sts'));
    expect(signed.authorization).toBe(file('authz'));
    if (after) expect(signed.headers['x-amz-security-token']).toBe(STS_TOKEN);
  });
});
