/**
 * How a URL string is read (README, "How a URL is read"): the WHATWG parser never decides the
 * path. Expectations are written out by hand from the S3 and SigV4 rules.
 */
import { describe, expect, it } from 'vitest';
import { presign } from '../src/node.js';
import { parseRequestUrl } from '../src/request-url.js';

const base = {
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  region: 'us-east-1',
  date: new Date('2026-01-01T00:00:00Z'),
};
const canonicalUriOf = (url: string, service = 's3') => presign({ ...base, service, url }).canonicalRequest.split('\n')[1];
const pathOf = (url: string) => {
  const u = presign({ ...base, url }).url;
  return u.slice(u.indexOf('/', 8), u.indexOf('?'));
};

describe('parseRequestUrl', () => {
  it.each([
    ['https://b.s3.amazonaws.com/a//b/./c/../d', '/a//b/./c/../d'],
    ['https://b.s3.amazonaws.com/a b/été', '/a%20b/%C3%A9t%C3%A9'],
    ['https://b.s3.amazonaws.com/100%', '/100%25'],
    ['https://b.s3.amazonaws.com/50%25/x%zz', '/50%25/x%25zz'],
    ['https://b.s3.amazonaws.com/back\\slash', '/back%5Cslash'],
    ['https://b.s3.amazonaws.com/a+b', '/a+b'],
    ['https://b.s3.amazonaws.com', '/'],
    ['https://b.s3.amazonaws.com/😀', '/%F0%9F%98%80'],
  ])('%s has wire path %s', (url, wirePath) => {
    expect(parseRequestUrl(url).wirePath).toBe(wirePath);
  });

  it('lower-cases the host, drops a default port, keeps another, converts IDN to punycode', () => {
    expect(parseRequestUrl('HTTPS://Bucket.S3.AmazonAWS.com:443/k').host).toBe('bucket.s3.amazonaws.com');
    expect(parseRequestUrl('http://127.0.0.1:80/k').host).toBe('127.0.0.1');
    expect(parseRequestUrl('http://127.0.0.1:9000/k').host).toBe('127.0.0.1:9000');
    expect(parseRequestUrl('https://bücher.example/k').host).toBe('xn--bcher-kva.example');
  });

  it('splits the query at the first ?, drops the fragment', () => {
    const u = parseRequestUrl('https://h.example/p?a=1?b&c=%2b+#frag?x');
    expect(u.wirePath).toBe('/p');
    expect(u.wireQuery).toBe('a=1?b&c=%2b+');
  });
});

describe('S3 canonical URI from a URL: single encoding, no normalisation', () => {
  it.each([
    ['https://b.s3.amazonaws.com/a//b/./c/../d', '/a//b/./c/../d'],
    ['https://b.s3.amazonaws.com/a b', '/a%20b'],
    ['https://b.s3.amazonaws.com/a%20b', '/a%20b'],
    ['https://b.s3.amazonaws.com/a+b', '/a%2Bb'],
    ['https://b.s3.amazonaws.com/%41%7e', '/A~'],
    ['https://b.s3.amazonaws.com/%c3%a9', '/%C3%A9'],
    ['https://b.s3.amazonaws.com/a%2Fb', '/a%2Fb'],
    ["https://b.s3.amazonaws.com/!*'()", '/%21%2A%27%28%29'],
    ['https://b.s3.amazonaws.com/%FF', '/%FF'],
  ])('%s → %s, and the URL carries exactly that path', (url, canonical) => {
    expect(canonicalUriOf(url)).toBe(canonical);
    expect(pathOf(url)).toBe(canonical);
  });
});

describe('other services: normalised path, double encoding', () => {
  it.each([
    ['https://h.example/a//b/./c/../d', '/a/b/d'],
    ['https://h.example/a%20b', '/a%2520b'],
    ['https://h.example/a b', '/a%2520b'],
    ['https://h.example/foo%3Dbar', '/foo%253Dbar'],
    ['https://h.example/a/', '/a/'],
    ['https://h.example/..', '/'],
  ])('%s → %s', (url, canonical) => {
    expect(canonicalUriOf(url, 'execute-api')).toBe(canonical);
  });
});

describe('query strings from a URL', () => {
  it('decodes and re-encodes each name and value; + is a plus sign', () => {
    const p = presign({ ...base, url: 'https://b.s3.amazonaws.com/k?b=2&a=%2b+x&a=&c&d=é' });
    const cq = p.canonicalRequest.split('\n')[2]!;
    expect(cq.startsWith('X-Amz-Algorithm=')).toBe(true);
    expect(cq.endsWith('&a=&a=%2B%2Bx&b=2&c=&d=%C3%A9')).toBe(true);
    expect(p.url).toContain('?' + cq + '&X-Amz-Signature=');
  });
});
