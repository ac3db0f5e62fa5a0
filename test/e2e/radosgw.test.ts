/**
 * Ceph radosgw (started by global-setup.ts): the shared suites, plus temporary credentials
 * from its STS, which swift does not have. radosgw does not check the credential scope's
 * region or service (NOTES.md), so those refusals are in swift.test.ts only.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPresigner, SigV4Error, signRequest, type Credentials } from '../../src/node.js';
import { E2EServer, expectRefused, STYLES, xmlValues } from './helpers/e2e-server.js';
import { bodyFor } from './helpers/hostile-keys.js';
import { defineS3Suites } from './helpers/s3-suites.js';
import { fingerprint } from './helpers/s3-client.js';
import { flipChar, queryParam, withQueryParam } from './helpers/tamper.js';

const server = new E2EServer(inject('servers').radosgw);

afterAll(async () => {
  console.log(server.client.summary());
  await server.client.close();
});

defineS3Suites(server);

/** AssumeRole as radosgw takes it: a form POST to /, header-signed with service 'sts'. */
function assumeRole(credentials: Credentials, sessionName: string) {
  const body = new URLSearchParams({
    Action: 'AssumeRole',
    RoleArn: server.info.roleArn as string,
    RoleSessionName: sessionName,
    DurationSeconds: '3600',
    Version: '2011-06-15',
  }).toString();
  const signed = signRequest({
    credentials,
    region: server.info.region,
    service: 'sts',
    method: 'POST',
    url: `${server.info.endpoint}/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  return server.client.send(signed.url, { method: 'POST', headers: signed.headers, body });
}

describe('radosgw only: temporary credentials from STS AssumeRole', () => {
  const bucket = server.bucketName('sts');
  const key = 'temp/ünï +%20.bin';
  const body = bodyFor(77);
  let temp: Required<Pick<Credentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>> & { expiration: Date };

  beforeAll(async () => {
    await server.createBucket(bucket);
    await server.putObjects(bucket, [[key, body]]);
  });

  it('AssumeRole, header-signed by sigv4 (service sts), returns credentials', async () => {
    const reply = await assumeRole(server.credentials, 'sigv4-e2e');
    expect(reply.status, reply.text).toBe(200);
    const [accessKeyId, secretAccessKey, sessionToken, expiration] = ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration'].map(
      (tag) => xmlValues(reply.text, tag)[0],
    );
    expect(accessKeyId).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(secretAccessKey).toBeTruthy();
    // A long base64 token with '+', '/' and '=': it must be query-encoded right to be accepted.
    expect(sessionToken).toMatch(/^[A-Za-z0-9+/=]{200,}$/);
    expect(sessionToken).toMatch(/[+/=]/);
    // radosgw gives nanoseconds ("…:12.123456789Z"); Date takes milliseconds.
    const expires = new Date((expiration as string).replace(/(\.\d{3})\d*Z$/, '$1Z'));
    expect(expires.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    temp = { accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string, sessionToken: sessionToken as string, expiration: expires };
  });

  it('AssumeRole signed with a wrong secret is refused', async () => {
    const reply = await assumeRole({ ...server.credentials, secretAccessKey: `${server.info.secretAccessKey}x` }, 'sigv4-e2e-bad');
    expectRefused(reply, 403, 'AccessDenied', 'AssumeRole with a wrong secret');
  });

  it.each(STYLES)('presigned GET and PUT with the session token: 200 (%s)', async (style) => {
    const presigner = server.presigner(style, { credentials: temp });
    const { url } = presigner.presign({ bucket, key, expiresIn: 900 });
    expect(queryParam(url, 'X-Amz-Security-Token')).toBe(encodeURIComponent(temp.sessionToken));
    const got = await server.client.send(url);
    expect(got.status, got.text).toBe(200);
    expect(fingerprint(got.body)).toEqual(fingerprint(body));

    const newKey = `temp/${style}/bang!star*quote'paren() ü`;
    const data = bodyFor(78);
    const put = await server.client.send(presigner.presign({ bucket, key: newKey, method: 'PUT', expiresIn: 900 }).url, { method: 'PUT', body: data });
    expect(put.status, put.text).toBe(200);
    const back = await server.client.send(server.presigner(style).presign({ bucket, key: newKey }).url);
    expect(fingerprint(back.body)).toEqual(fingerprint(data));
  });

  it('a changed, removed or missing session token is refused', async () => {
    const presigner = server.presigner('virtual-hosted', { credentials: temp });
    const { url } = presigner.presign({ bucket, key, expiresIn: 900 });
    // Another session's token, valid in itself: only the signature can tell it is not ours.
    const second = await assumeRole(server.credentials, 'sigv4-e2e-second');
    expect(second.status, second.text).toBe(200);
    const otherToken = xmlValues(second.text, 'SessionToken')[0] as string;
    expect(otherToken).not.toBe(temp.sessionToken);
    const swapped = withQueryParam(url, 'X-Amz-Security-Token', encodeURIComponent(otherToken));
    expectRefused(await server.client.send(swapped), 403, 'AccessDenied', "another session's token");
    // One character of ours changed: radosgw cannot even decrypt it (400 InvalidArgument).
    const token = queryParam(url, 'X-Amz-Security-Token');
    const at = token.search(/[A-Za-z0-9](?![0-9A-F]?%)/);
    const changed = withQueryParam(url, 'X-Amz-Security-Token', flipChar(token, at, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'));
    expectRefused(await server.client.send(changed), 400, 'InvalidArgument', 'changed token');
    expectRefused(await server.client.send(withQueryParam(url, 'X-Amz-Security-Token', null)), 403, 'AccessDenied', 'token removed from the URL');
    const { sessionToken: _, ...withoutToken } = temp;
    const unsigned = server.presigner('virtual-hosted', { credentials: withoutToken }).presign({ bucket, key, expiresIn: 900 }).url;
    expectRefused(await server.client.send(unsigned), 403, 'AccessDenied', 'temporary key signed without its token');
    expect((await server.client.send(url)).status).toBe(200);
  });

  it('header-signed GET with the session token (x-amz-security-token): 200', async () => {
    const signed = signRequest({ ...server.config('path'), credentials: temp, bucket, key });
    expect(signed.signedHeaders).toContain('x-amz-security-token');
    const got = await server.client.send(signed.url, { headers: signed.headers });
    expect(got.status, got.text).toBe(200);
    expect(fingerprint(got.body)).toEqual(fingerprint(body));
  });

  it('the library refuses a URL that would outlive the credentials (their Expiration)', () => {
    const presigner = createPresigner(server.config('virtual-hosted', { credentials: temp }));
    let error: unknown;
    try {
      presigner.presign({ bucket, key, expiresIn: 7200 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SigV4Error);
    expect((error as SigV4Error).code).toBe('CREDENTIALS_EXPIRE_TOO_SOON');
  });
});
