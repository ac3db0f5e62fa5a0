/**
 * The worked examples of the S3 API Reference (fixtures/s3-docs-examples.json): the presigned GET
 * (through both URL and bucket + key input), the four header-signed requests, and the
 * signing-key derivation example.
 */
import { describe, expect, it } from 'vitest';
import { presign, signRequest } from '../../src/node.js';
import { nodeCryptoBackend } from '../../src/node-crypto-backend.js';
import { deriveSigningKey } from '../../src/signing-key.js';
import { toHex, utf8 } from '../../src/encoding.js';
import { fixtureJson } from '../helpers/fixtures.js';
import { dateFromAmzDate } from '../helpers/request-file.js';

interface Example {
  id: string;
  signature_location: 'query' | 'header';
  input: {
    access_key_id: string;
    secret_access_key: string;
    region: string;
    service: string;
    datetime: string;
    method: string;
    host: string;
    object_key?: string;
    path: string;
    raw_query?: string;
    query: Array<[string, string]>;
    headers: Array<[string, string]>;
    expires?: number;
    body?: string;
    payload_hash: string;
  };
  expected: { canonical_request: string; string_to_sign: string; signature: string; url?: string; authorization?: string };
}
interface KeyExample {
  id: string;
  input: { secret_access_key: string; date: string; region: string; service: string };
  expected: { kDate: string; kRegion: string; kService: string; kSigning: string };
}

const doc = fixtureJson<{ examples: Example[]; signing_key_examples: KeyExample[] }>('s3-docs-examples.json');

function common(e: Example) {
  return {
    credentials: { accessKeyId: e.input.access_key_id, secretAccessKey: e.input.secret_access_key },
    region: e.input.region,
    service: e.input.service,
    date: dateFromAmzDate(e.input.datetime),
    method: e.input.method,
  };
}

describe.each(doc.examples.filter((e) => e.signature_location === 'query'))('$id', (e) => {
  it('from the URL', () => {
    const p = presign({ ...common(e), url: `https://${e.input.host}${e.input.path}`, expiresIn: e.input.expires });
    expect(p.canonicalRequest).toBe(e.expected.canonical_request);
    expect(p.stringToSign).toBe(e.expected.string_to_sign);
    expect(p.signature).toBe(e.expected.signature);
    expect(p.url).toBe(e.expected.url);
  });
  it('from bucket and key', () => {
    // examplebucket.s3.amazonaws.com is the legacy global endpoint: give it as the endpoint.
    const bucket = e.input.host.split('.')[0]!;
    const p = presign({ ...common(e), bucket, key: decodeURIComponent(e.input.path.slice(1)), endpoint: 'https://s3.amazonaws.com', expiresIn: e.input.expires });
    expect(p.url).toBe(e.expected.url);
  });
});

describe.each(doc.examples.filter((e) => e.signature_location === 'header'))('$id', (e) => {
  it('header form', () => {
    const signed = signRequest({
      ...common(e),
      url: `https://${e.input.host}${e.input.path}${e.input.raw_query ? '?' + e.input.raw_query : ''}`,
      headers: e.input.headers,
      body: e.input.body,
    });
    expect(signed.canonicalRequest).toBe(e.expected.canonical_request);
    expect(signed.stringToSign).toBe(e.expected.string_to_sign);
    expect(signed.signature).toBe(e.expected.signature);
    // The S3 pages write the Authorization value with ',' between its parts; the signers and the
    // suites write ', '. Servers accept both; only the separators may differ.
    expect(signed.authorization.replaceAll(', ', ',')).toBe(e.expected.authorization);
  });
  if (e.input.object_key !== undefined) {
    it('from bucket and key', () => {
      const signed = signRequest({
        ...common(e),
        bucket: e.input.host.split('.')[0]!,
        key: e.input.object_key!,
        endpoint: 'https://s3.amazonaws.com',
        headers: e.input.headers.filter(([n]) => n.toLowerCase() !== 'host'),
        body: e.input.body,
      });
      expect(signed.signature).toBe(e.expected.signature);
      expect(signed.url).toBe(`https://${e.input.host}${e.input.path}`);
    });
  }
});

describe.each(doc.signing_key_examples)('$id', (e) => {
  it('derives kDate, kRegion, kService and kSigning', () => {
    const c = nodeCryptoBackend;
    const kDate = c.hmac(utf8('AWS4' + e.input.secret_access_key), e.input.date);
    const kRegion = c.hmac(kDate, e.input.region);
    const kService = c.hmac(kRegion, e.input.service);
    expect(toHex(kDate)).toBe(e.expected.kDate);
    expect(toHex(kRegion)).toBe(e.expected.kRegion);
    expect(toHex(kService)).toBe(e.expected.kService);
    const kSigning = deriveSigningKey(c, e.input.secret_access_key, e.input.date, e.input.region, e.input.service);
    expect(toHex(kSigning)).toBe(e.expected.kSigning);
  });
});
