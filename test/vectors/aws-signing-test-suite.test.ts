/**
 * aws-c-auth's SigV4 suite (fixtures/aws-signing-test-suite/v4): every case, in header and query
 * form, byte-equal on the canonical request, string to sign and signature.
 */
import { describe, expect, it } from 'vitest';
import { presign, signRequest } from '../../src/node.js';
import { fixture, subdirectories } from '../helpers/fixtures.js';
import { parseRequestFile } from '../helpers/request-file.js';

interface Context {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

const SUITE = 'aws-signing-test-suite/v4';
const cases = subdirectories(SUITE);

it('holds all 38 cases', () => {
  expect(cases).toHaveLength(38);
});

function setUp(name: string) {
  const context = JSON.parse(fixture(SUITE, name, 'context.json')) as Context;
  const request = parseRequestFile(fixture(SUITE, name, 'request.txt'));
  const config = {
    credentials: {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      sessionToken: context.credentials.token,
    },
    region: context.region,
    service: context.service,
    // The suite's signer uses double encoding throughout; `normalize` picks the path rule.
    doubleEncode: true,
    normalizePath: context.normalize,
    signSessionToken: context.omit_session_token !== true,
    date: new Date(context.timestamp),
  };
  const target = {
    method: request.method,
    url: { host: request.host, path: request.path, query: request.query },
    headers: request.headers,
    body: context.sign_body ? request.body : undefined,
  };
  return { context, config, target };
}

describe.each(cases)('%s', (name) => {
  it('header form', () => {
    const { context, config, target } = setUp(name);
    const signed = signRequest({ ...config, ...target, contentSha256Header: context.sign_body });
    expect(signed.canonicalRequest).toBe(fixture(SUITE, name, 'header-canonical-request.txt'));
    expect(signed.stringToSign).toBe(fixture(SUITE, name, 'header-string-to-sign.txt'));
    expect(signed.signature).toBe(fixture(SUITE, name, 'header-signature.txt'));
    const signedRequest = fixture(SUITE, name, 'header-signed-request.txt');
    expect(signedRequest).toContain(`Authorization:${signed.authorization}\n`);
  });

  it('query form', () => {
    const { context, config, target } = setUp(name);
    const p = presign({ ...config, ...target, expiresIn: context.expiration_in_seconds });
    expect(p.canonicalRequest).toBe(fixture(SUITE, name, 'query-canonical-request.txt'));
    expect(p.stringToSign).toBe(fixture(SUITE, name, 'query-string-to-sign.txt'));
    expect(p.signature).toBe(fixture(SUITE, name, 'query-signature.txt'));
    expect(p.url).toContain(`X-Amz-Signature=${p.signature}`);
  });
});
