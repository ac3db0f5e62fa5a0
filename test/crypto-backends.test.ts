/**
 * Every crypto backend gives the same bytes: node:crypto's one-shot `crypto.hash` path (used when
 * Node has it), its createHash/createHmac fallback (older Node), and the pure TypeScript SHA-256
 * of the web entry, over the aws-c-auth suite and generated requests. The one-shot path is
 * checked to be the one in use on this Node.
 */
import * as nodeCrypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classicNodeBackend, nodeCryptoBackend, oneShotNodeBackend } from '../src/node-crypto-backend.js';
import { presignS3Key } from '../src/presign-s3-key.js';
import { pureCryptoBackend } from '../src/pure-crypto-backend.js';
import { makeCreatePresigner, makePresign, makeSignRequest } from '../src/signer.js';
import { fixture, subdirectories } from './helpers/fixtures.js';
import { createRandom, runSeed } from './helpers/random.js';
import { generateRequest } from './helpers/request-generator.js';
import { parseRequestFile } from './helpers/request-file.js';

const now = () => new Date();
const backends = { oneShot: oneShotNodeBackend!, classic: classicNodeBackend, pure: pureCryptoBackend };
const SUITE = 'aws-signing-test-suite/v4';

it('uses the one-shot path where Node has crypto.hash', () => {
  expect(typeof (nodeCrypto as { hash?: unknown }).hash).toBe('function');
  expect(oneShotNodeBackend).toBeDefined();
  expect(nodeCryptoBackend).not.toBe(classicNodeBackend);
});

describe.each(Object.entries(backends))('%s backend', (_, crypto) => {
  const presign = makePresign({ crypto, now, keyPath: presignS3Key });
  const signRequest = makeSignRequest({ crypto, now });

  it.each(subdirectories(SUITE))('aws-c-auth %s, query and header form', (name) => {
    const ctx = JSON.parse(fixture(SUITE, name, 'context.json'));
    const req = parseRequestFile(fixture(SUITE, name, 'request.txt'));
    const base = {
      credentials: { accessKeyId: ctx.credentials.access_key_id, secretAccessKey: ctx.credentials.secret_access_key, sessionToken: ctx.credentials.token },
      region: ctx.region, service: ctx.service, doubleEncode: true, normalizePath: ctx.normalize, signSessionToken: ctx.omit_session_token !== true,
      date: new Date(ctx.timestamp), url: { host: req.host, path: req.path, query: req.query }, method: req.method, headers: req.headers,
      body: ctx.sign_body ? req.body : undefined,
    };
    expect(presign({ ...base, expiresIn: ctx.expiration_in_seconds }).signature).toBe(fixture(SUITE, name, 'query-signature.txt'));
    expect(signRequest({ ...base, contentSha256Header: ctx.sign_body }).signature).toBe(fixture(SUITE, name, 'header-signature.txt'));
  });
});

describe('backends agree on generated requests', () => {
  const seed = runSeed();
  it(`2,000 requests, presign and presignUrls (seed ${seed})`, () => {
    const r = createRandom(seed);
    const signers = Object.values(backends).map((crypto) => ({ presign: makePresign({ crypto, now, keyPath: presignS3Key }), createPresigner: makeCreatePresigner({ crypto, now, keyPath: presignS3Key }) }));
    for (let i = 0; i < 2000; i++) {
      const g = generateRequest(r);
      const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: g.sessionToken };
      const opts = { credentials, region: g.region, service: g.service, method: g.method, date: g.date, expiresIn: g.expiresIn, headers: g.headers, query: g.query, url: `https://${g.host}${g.wirePath}` };
      const urls = signers.map((s) => s.presign(opts).url);
      expect(new Set(urls).size, `case ${i}, seed ${seed}`).toBe(1);
      const bulk = signers.map((s) => s.createPresigner({ credentials, region: g.region }).presignUrls([g.key], { bucket: g.bucket, date: g.date }).join());
      expect(new Set(bulk).size, `case ${i}, seed ${seed}`).toBe(1);
    }
  });
});
