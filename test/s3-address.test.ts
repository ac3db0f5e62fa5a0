/** bucket + key → URL, as `aws s3 presign` (CLI v2) addresses objects. */
import { describe, expect, it } from 'vitest';
import { presign } from '../src/node.js';

const base = {
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  date: new Date('2026-01-01T00:00:00Z'),
};
const urlOf = (o: Record<string, unknown>) => presign({ ...base, region: 'us-east-1', ...o } as never).url.split('?')[0];

describe('addressing', () => {
  it.each([
    [{ bucket: 'my-bucket', key: 'a.txt' }, 'https://my-bucket.s3.us-east-1.amazonaws.com/a.txt'],
    [{ bucket: 'my-bucket', key: 'a.txt', region: 'eu-west-1' }, 'https://my-bucket.s3.eu-west-1.amazonaws.com/a.txt'],
    [{ bucket: 'my-bucket', key: 'a.txt', region: 'cn-north-1' }, 'https://my-bucket.s3.cn-north-1.amazonaws.com.cn/a.txt'],
    [{ bucket: 'my.bucket', key: 'a.txt' }, 'https://s3.us-east-1.amazonaws.com/my.bucket/a.txt'],
    [{ bucket: 'MyBucket', key: 'a.txt' }, 'https://s3.us-east-1.amazonaws.com/MyBucket/a.txt'],
    [{ bucket: 'my_bucket', key: 'a.txt' }, 'https://s3.us-east-1.amazonaws.com/my_bucket/a.txt'],
    [{ bucket: 'my-bucket', key: 'a.txt', forcePathStyle: true }, 'https://s3.us-east-1.amazonaws.com/my-bucket/a.txt'],
    [{ bucket: 'my-bucket', key: 'a.txt', endpoint: 'https://minio.example:9000' }, 'https://my-bucket.minio.example:9000/a.txt'],
    [{ bucket: 'my-bucket', key: 'a.txt', endpoint: 'http://127.0.0.1:9000' }, 'http://127.0.0.1:9000/my-bucket/a.txt'],
    [{ bucket: 'my-bucket', key: 'a.txt', endpoint: 'https://gw.example/s3/' }, 'https://my-bucket.gw.example/s3/a.txt'],
    [{ bucket: 'my-bucket', key: 'a.txt', endpoint: 'https://gw.example/s3', forcePathStyle: true }, 'https://gw.example/s3/my-bucket/a.txt'],
    [{ bucket: 'my-bucket', key: '' }, 'https://my-bucket.s3.us-east-1.amazonaws.com/'],
  ])('%o → %s', (o, expected) => {
    expect(urlOf(o)).toBe(expected);
  });

  it('encodes the raw key once, keeping / and every unreserved character', () => {
    expect(urlOf({ bucket: 'b-1', key: "photos/été 2026/a+b=c&d (1)!*'~.jpg" })).toBe(
      "https://b-1.s3.us-east-1.amazonaws.com/photos/%C3%A9t%C3%A9%202026/a%2Bb%3Dc%26d%20%281%29%21%2A%27~.jpg",
    );
    expect(urlOf({ bucket: 'b-1', key: '/lead//double/../dot/./x/' })).toBe('https://b-1.s3.us-east-1.amazonaws.com//lead//double/../dot/./x/');
    expect(urlOf({ bucket: 'b-1', key: '100%/%20/?#' })).toBe('https://b-1.s3.us-east-1.amazonaws.com/100%25/%2520/%3F%23');
    expect(urlOf({ bucket: 'b-1', key: '😀𝄞' })).toBe('https://b-1.s3.us-east-1.amazonaws.com/%F0%9F%98%80%F0%9D%84%9E');
  });
});

describe('presign result', () => {
  it('returns the headers to send and the expiry', () => {
    const p = presign({
      ...base,
      region: 'us-east-1',
      method: 'PUT',
      bucket: 'b-1',
      key: 'k.png',
      expiresIn: 900,
      headers: { 'Content-Type': 'image/png', 'x-amz-meta-owner': '  Ann  Lee ' },
    });
    expect(p.headers).toEqual({ 'Content-Type': 'image/png', 'x-amz-meta-owner': '  Ann  Lee ' });
    expect(p.signedHeaders).toBe('content-type;host;x-amz-meta-owner');
    expect(p.canonicalRequest).toContain('\nx-amz-meta-owner:Ann Lee\n');
    expect(p.expiresAt.toISOString()).toBe('2026-01-01T00:15:00.000Z');
    expect(p.url).toContain('X-Amz-SignedHeaders=content-type%3Bhost%3Bx-amz-meta-owner');
  });

  it('puts the session token in the signed query', () => {
    const p = presign({ ...base, region: 'us-east-1', bucket: 'b-1', key: 'k', credentials: { ...base.credentials, sessionToken: 'tok/en+=' } });
    expect(p.canonicalRequest.split('\n')[2]).toContain('&X-Amz-Security-Token=tok%2Fen%2B%3D&X-Amz-SignedHeaders=host');
    expect(p.headers).toEqual({});
  });
});
