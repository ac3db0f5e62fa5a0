/**
 * The suites both servers must pass (issue 6): presigned round trips of hostile keys in both
 * addressing styles, HEAD, DELETE and listings; a 403 for every kind of tampering; signed
 * headers and response overrides; header signing with a real payload hash; the batch API.
 * swift.test.ts and radosgw.test.ts call `defineS3Suites` and add what only their server can
 * check.
 *
 * Every test sends through `server.client`, which counts the replies for the summary line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presign, signRequest } from '../../../src/node.js';
import { E2EServer, expectRefused, STYLES, type Style, xmlValues } from './e2e-server.js';
import { bodyFor, HOSTILE_KEYS, keyTitle } from './hostile-keys.js';
import { errorCode, fingerprint, type Reply, sha256Hex } from './s3-client.js';
import { flipChar, queryParam, shiftAmzDate, withPath, withQueryParam } from './tamper.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Objects in the batch test; SIGV4_E2E_BATCH=<n> shrinks it for a quick local run. */
const BATCH = Number(process.env['SIGV4_E2E_BATCH'] ?? 10_000);

export function defineS3Suites(server: E2EServer): void {
  const { client } = server;

  describe.each(STYLES)('hostile keys, %s style: presigned PUT, GET, HEAD, DELETE', (style) => {
    const bucket = server.bucketName(style === 'path' ? 'keys-p' : 'keys-v');
    const presigner = server.presigner(style);
    beforeAll(() => server.createBucket(bucket));

    it(`has at least 40 keys and addresses them ${style}`, () => {
      expect(HOSTILE_KEYS.length).toBeGreaterThanOrEqual(40);
      expect(new Set(HOSTILE_KEYS).size).toBe(HOSTILE_KEYS.length);
      const base = server.urlBase(style, bucket);
      for (const key of HOSTILE_KEYS) expect(presigner.presign({ bucket, key }).url.slice(0, base.length), keyTitle(key)).toBe(base);
    });

    it.each(HOSTILE_KEYS.map((key, i) => [keyTitle(key), key, i] as const))('PUT then GET %s: exact bytes', async (_, key, i) => {
      const body = bodyFor(i);
      const put = presigner.presign({ bucket, key, method: 'PUT' });
      const stored = await client.send(put.url, { method: 'PUT', body });
      expect(stored.status, stored.text).toBe(200);
      const got = await client.send(presigner.presign({ bucket, key }).url);
      expect(got.status, got.text).toBe(200);
      expect(fingerprint(got.body)).toEqual(fingerprint(body));
    });

    it('ListObjectsV2 (presigned) returns every key verbatim', async () => {
      const { keys } = await server.listObjects(style, bucket);
      expect([...keys].sort()).toEqual([...HOSTILE_KEYS].sort());
    });

    it.each(HOSTILE_KEYS.map((key, i) => [keyTitle(key), key, i] as const))('HEAD then DELETE %s', async (_, key, i) => {
      const head = await client.send(presigner.presign({ bucket, key, method: 'HEAD' }).url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String(bodyFor(i).length));
      const del = await client.send(presigner.presign({ bucket, key, method: 'DELETE' }).url, { method: 'DELETE' });
      expect(del.status, del.text).toBe(204);
      const gone = await client.send(presigner.presign({ bucket, key }).url);
      expectRefused(gone, 404, 'NoSuchKey', 'GET after DELETE');
    });

    it('leaves the bucket empty', async () => {
      expect((await server.listObjects(style, bucket)).keys).toEqual([]);
    });
  });

  describe('URL input (a URL string instead of bucket + key), presigned and header-signed', () => {
    const bucket = server.bucketName('url-input');
    const base = `http://${bucket}.${server.domainHost}/`;
    // Two ways a caller writes the same key into a URL: percent-encoded per segment
    // (encodeURIComponent leaves !'()* raw), or raw text with only what a URL cannot hold
    // escaped: '%', '?', '#' and control characters (the library refuses a raw tab in a URL).
    const forms: ReadonlyArray<readonly [string, (key: string) => string]> = [
      ['encodeURIComponent per segment', (key) => key.split('/').map(encodeURIComponent).join('/')],
      ['raw text, only % ? # and controls escaped', (key) => key.replace(/[%?#\x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)],
    ];
    beforeAll(async () => {
      await server.createBucket(bucket);
      await server.putObjects(bucket, HOSTILE_KEYS.map((key, i) => [key, bodyFor(i)] as const));
    });

    it.each(forms)('%s', async (_, write) => {
      const config = server.config('virtual-hosted');
      const failures = await client.map(HOSTILE_KEYS, async (key, i) => {
        const url = base + write(key);
        const presigned = await client.send(presign({ ...config, url }).url);
        const signed = signRequest({ ...config, url });
        const headerSigned = await client.send(signed.url, { headers: signed.headers });
        const want = fingerprint(bodyFor(i)).sha256;
        const ok = (r: Reply) => r.status === 200 && fingerprint(r.body).sha256 === want;
        return ok(presigned) && ok(headerSigned) ? [] : [`${keyTitle(key)}: presigned ${presigned.status}, header-signed ${headerSigned.status}`];
      }, 8);
      expect(failures.flat()).toEqual([]);
    });
  });

  describe('tampered presigned URLs are refused (403), the untampered one accepted', () => {
    const bucket = server.bucketName('refuse');
    const other = server.bucketName('refuse-other');
    const A = utf8('object a');
    const B = utf8('object b');
    const vhost = server.presigner('virtual-hosted');
    const getA = (o: { expiresIn?: number; date?: Date } = {}) => vhost.presign({ bucket, key: 'a.txt', ...o }).url;
    const mismatch = server.signatureMismatch;
    beforeAll(async () => {
      await server.createBucket(bucket);
      await server.createBucket(other);
      await server.putObjects(bucket, [['a.txt', A], ['b.txt', B]]);
      await server.putObjects(other, [['a.txt', B]]);
    });

    /** The control: the URL as signed still works, so each refusal is down to the tampering. */
    async function expectAccepted(url: string, body = A): Promise<void> {
      const reply = await client.send(url);
      expect(reply.status, reply.text).toBe(200);
      expect(fingerprint(reply.body)).toEqual(fingerprint(body));
    }

    it('a flipped signature character (first, middle, last)', async () => {
      const url = getA();
      const signature = queryParam(url, 'X-Amz-Signature');
      for (const at of [0, 31, -1]) {
        expectRefused(await client.send(withQueryParam(url, 'X-Amz-Signature', flipChar(signature, at))), 403, mismatch, `signature[${at}]`);
      }
      await expectAccepted(url);
    });

    it('a changed path (another existing key; the key in another case)', async () => {
      const url = getA();
      expectRefused(await client.send(withPath(url, '/b.txt')), 403, mismatch, 'a.txt → b.txt');
      expectRefused(await client.send(withPath(url, '/A.txt')), 403, mismatch, 'a.txt → A.txt');
      await expectAccepted(url);
    });

    it('a raised X-Amz-Expires', async () => {
      const url = getA({ expiresIn: 3600 });
      expectRefused(await client.send(withQueryParam(url, 'X-Amz-Expires', '3601')), 403, mismatch, 'X-Amz-Expires 3601');
      expectRefused(await client.send(withQueryParam(url, 'X-Amz-Expires', '604800')), 403, mismatch, 'X-Amz-Expires 604800');
      await expectAccepted(url);
    });

    it('an added query parameter', async () => {
      const url = getA();
      expectRefused(await client.send(`${url}&response-content-type=text%2Fhtml`), 403, mismatch, 'appended response-content-type');
      expectRefused(await client.send(url.replace('?', '?versionId=null&')), 403, mismatch, 'prepended versionId');
      await expectAccepted(url);
    });

    it('another HTTP method (GET URL as DELETE, PUT, HEAD; PUT URL as GET)', async () => {
      const url = getA();
      expectRefused(await client.send(url, { method: 'DELETE' }), 403, mismatch, 'GET URL sent as DELETE');
      expectRefused(await client.send(url, { method: 'PUT', body: B }), 403, mismatch, 'GET URL sent as PUT');
      expectRefused(await client.send(url, { method: 'HEAD' }), 403, '', 'GET URL sent as HEAD');
      const putUrl = vhost.presign({ bucket, key: 'a.txt', method: 'PUT' }).url;
      expectRefused(await client.send(putUrl), 403, mismatch, 'PUT URL sent as GET');
      await expectAccepted(url); // still there, still A
    });

    it('another Host (another bucket; IP instead of the signed name; another port)', async () => {
      const url = getA();
      expectRefused(await client.send(url, { host: `${other}.${server.domainHost}` }), 403, mismatch, 'Host of another bucket');
      // Path style signed for s3.localhost:<port>: both servers also serve path style at
      // 127.0.0.1:<port>, so only the signature can tell the two apart.
      const pathUrl = server.presigner('virtual-hosted', { forcePathStyle: true }).presign({ bucket, key: 'a.txt' }).url;
      expect(pathUrl.startsWith(`http://${server.domainHost}/${bucket}/a.txt?`)).toBe(true);
      expectRefused(await client.send(pathUrl, { host: `127.0.0.1:${server.info.port}` }), 403, mismatch, 'Host 127.0.0.1');
      expectRefused(await client.send(pathUrl, { host: `${server.info.storageDomain}:${server.info.port + 1000}` }), 403, mismatch, 'another port');
      await expectAccepted(pathUrl);
      await expectAccepted(url);
    });

    it('an expired URL (signed 2 h ago for 60 s); signed 2 h ago for 3 h still works', async () => {
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      expectRefused(await client.send(getA({ date: twoHoursAgo, expiresIn: 60 })), 403, 'AccessDenied', 'expired');
      await expectAccepted(getA({ date: twoHoursAgo, expiresIn: 3 * 3600 }));
    });

    it('a wrong secret, an unknown access key', async () => {
      const wrongSecret = server.presigner('virtual-hosted', {
        credentials: { ...server.credentials, secretAccessKey: flipChar(server.info.secretAccessKey, -1, 'abcdefghijklmnopqrstuvwxyz0123456789') },
      });
      expectRefused(await client.send(wrongSecret.presign({ bucket, key: 'a.txt' }).url), 403, mismatch, 'wrong secret');
      const unknownKey = server.presigner('virtual-hosted', { credentials: { ...server.credentials, accessKeyId: 'AKIASIGV4E2EUNKNOWN0' } });
      expectRefused(await client.send(unknownKey.presign({ bucket, key: 'a.txt' }).url), 403, mismatch, 'unknown access key');
      await expectAccepted(getA());
    });

    it('a changed X-Amz-Date (one second later)', async () => {
      const url = getA();
      const later = shiftAmzDate(queryParam(url, 'X-Amz-Date'), 1);
      expectRefused(await client.send(withQueryParam(url, 'X-Amz-Date', later)), 403, mismatch, 'X-Amz-Date + 1 s');
      await expectAccepted(url);
    });
  });

  describe('signed headers and response overrides', () => {
    const bucket = server.bucketName('headers');
    beforeAll(() => server.createBucket(bucket));

    it('a signed content-type (and x-amz-meta-*) is enforced', async () => {
      const key = 'typed/ü b.txt';
      const body = utf8('typed body\n');
      // x-amz-meta-spaces: SigV4 trims the value and collapses inner runs of spaces; the
      // server must arrive at the same canonical value from what it received.
      const headers = { 'content-type': 'text/plain; charset=utf-8', 'x-amz-meta-origin': 'sigv4 e2e', 'X-Amz-Meta-Spaces': ' several   inner  spaces ' };
      const put = server.presigner('virtual-hosted').presign({ bucket, key, method: 'PUT', headers });
      expect(put.signedHeaders).toBe('content-type;host;x-amz-meta-origin;x-amz-meta-spaces');
      expect(put.headers).toEqual(headers);
      const mismatch = server.signatureMismatch;
      const send = (headers: Record<string, string>) => client.send(put.url, { method: 'PUT', headers, body });
      expectRefused(await send({ ...put.headers, 'content-type': 'text/html' }), 403, mismatch, 'another content-type');
      const { 'content-type': _, ...withoutType } = put.headers;
      expectRefused(await send(withoutType), 403, mismatch, 'no content-type');
      expectRefused(await send({ ...put.headers, 'x-amz-meta-origin': 'someone else' }), 403, mismatch, 'another x-amz-meta-origin');
      const ok = await send(put.headers);
      expect(ok.status, ok.text).toBe(200);

      const got = await client.send(server.presigner('path').presign({ bucket, key }).url);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(got.headers['x-amz-meta-origin']).toBe('sigv4 e2e');
      expect(fingerprint(got.body)).toEqual(fingerprint(body));
    });

    it.each(STYLES)('response-content-disposition with a UTF-8 filename (RFC 6266/5987) comes back, %s', async (style) => {
      await server.putObjects(bucket, [['report.pdf', utf8('%PDF-1.4 not really')]]);
      const filename = 'Résumé “final” 📄 (1).pdf';
      const disposition = `attachment; filename="resume.pdf"; filename*=UTF-8''${rfc5987(filename)}`;
      const presigner = server.presigner(style);
      const { url } = presigner.presign({
        bucket,
        key: 'report.pdf',
        query: { 'response-content-disposition': disposition, 'response-content-type': 'application/pdf' },
      });
      const got = await client.send(url);
      expect(got.status, got.text).toBe(200);
      expect(got.headers['content-disposition']).toBe(disposition);
      expect(got.headers['content-type']).toBe('application/pdf');
      // The override is part of the signature: another filename is refused.
      const raw = queryParam(url, 'response-content-disposition');
      const tampered = withQueryParam(url, 'response-content-disposition', raw.replace('resume.pdf', 'evil.exe'));
      expect(tampered).not.toBe(url);
      expectRefused(await client.send(tampered), 403, server.signatureMismatch, 'another filename');
    });
  });

  describe('listing: presigned ListObjectsV2 with query parameters', () => {
    const bucket = server.bucketName('list');
    // The prefix has a space, a multi-byte letter, '+' (a space in form encoding), '&' and
    // '=' (query syntax) and a literal '%20'; each decoy differs from it in exactly one of them.
    const prefix = 'list dir/é+&=%20/';
    const inside = [`${prefix}a.txt`, `${prefix}b c.txt`, `${prefix}sub/d.txt`, `${prefix}sub/e f/g`];
    const decoys = [
      'list dir/é &=%20/a.txt',
      'list dir/é+&= /a.txt',
      'list dir/e+&=%20/a.txt',
      'list dir/e\u0301+&=%20/a.txt',
      'list dir/é+&=%2520/a.txt',
      'list dir/é+&=%20',
      'list dir/é+&=%20x/a',
      'list+dir/é+&=%20/a.txt',
      'other.txt',
    ];
    beforeAll(async () => {
      await server.createBucket(bucket);
      await server.putObjects(bucket, [...inside, ...decoys].map((k, i) => [k, bodyFor(i + 1)] as const));
    });

    describe.each(STYLES)('%s style', (style: Style) => {
      it('list-type=2 with a hostile prefix lists exactly the keys under it', async () => {
        const { keys } = await server.listObjects(style, bucket, { prefix });
        expect(keys).toEqual(inside);
      });

      it('prefix + delimiter=/ gives keys and common prefixes', async () => {
        const { keys, prefixes } = await server.listObjects(style, bucket, { prefix, delimiter: '/' });
        expect(keys).toEqual(inside.slice(0, 2));
        expect(prefixes).toEqual([`${prefix}sub/`]);
      });

      it('max-keys=1 pages through continuation tokens (signed query values from the server)', async () => {
        const { keys, pages } = await server.listObjects(style, bucket, { prefix, 'max-keys': '1' });
        expect(keys).toEqual(inside);
        expect(pages).toBe(inside.length);
      });

      it('start-after a hostile key', async () => {
        const { keys } = await server.listObjects(style, bucket, { prefix, 'start-after': `${prefix}b c.txt` });
        expect(keys).toEqual(inside.slice(2));
      });
    });
  });

  describe('header-signed requests (signRequest) with the payload hash of the real body', () => {
    const bucket = server.bucketName('signed');
    const config = server.config('virtual-hosted');
    const body = bodyFor(4242);

    it('creates a bucket (hash of the empty body)', async () => {
      const create = signRequest({ ...config, method: 'PUT', bucket, key: '', body: '' });
      expect(create.headers['x-amz-content-sha256']).toBe(sha256Hex(''));
      const reply = await client.send(create.url, { method: 'PUT', headers: create.headers });
      expect(reply.status, reply.text).toBe(200);
      const head = signRequest({ ...config, method: 'HEAD', bucket, key: '' });
      expect((await client.send(head.url, { method: 'HEAD', headers: head.headers })).status).toBe(200);
    });

    it('puts and gets an object', async () => {
      const key = 'signed/ünï côdé+%20=&.bin';
      const put = signRequest({ ...config, method: 'PUT', bucket, key, body, headers: { 'content-type': 'application/octet-stream' } });
      expect(put.headers['x-amz-content-sha256']).toBe(sha256Hex(body));
      expect(put.signedHeaders).toBe('content-type;host;x-amz-content-sha256;x-amz-date');
      const stored = await client.send(put.url, { method: 'PUT', headers: put.headers, body });
      expect(stored.status, stored.text).toBe(200);
      const get = signRequest({ ...config, method: 'GET', bucket, key });
      const got = await client.send(get.url, { headers: get.headers });
      expect(got.status, got.text).toBe(200);
      expect(fingerprint(got.body)).toEqual(fingerprint(body));
    });

    it('a body other than the signed one is refused; a wrong secret is refused', async () => {
      const put = signRequest({ ...config, method: 'PUT', bucket, key: 'swapped', body });
      const other = Uint8Array.from(body, (b, i) => (i === 7 ? b ^ 1 : b));
      const reply = await client.send(put.url, { method: 'PUT', headers: put.headers, body: other });
      // The signature is right, the payload is not: AWS answers 400 (BadDigest on swift,
      // XAmzContentSHA256Mismatch on radosgw), not 403.
      expectRefused(reply, 400, ['BadDigest', 'XAmzContentSHA256Mismatch'], 'swapped body');
      const wrong = signRequest({ ...config, credentials: { ...server.credentials, secretAccessKey: `${server.info.secretAccessKey}x` }, bucket, key: 'swapped' });
      expectRefused(await client.send(wrong.url, { headers: wrong.headers }), 403, server.signatureMismatch, 'wrong secret');
    });

    it('PUT and GET every hostile key, and list them with a query', async () => {
      const keysBucket = server.bucketName('signed-keys');
      const create = signRequest({ ...config, method: 'PUT', bucket: keysBucket, key: '', body: '' });
      expect((await client.send(create.url, { method: 'PUT', headers: create.headers })).status).toBe(200);
      await client.map(HOSTILE_KEYS, async (key, i) => {
        const data = bodyFor(i + 100);
        const put = signRequest({ ...config, method: 'PUT', bucket: keysBucket, key, body: data });
        const stored = await client.send(put.url, { method: 'PUT', headers: put.headers, body: data });
        expect(stored.status, `${keyTitle(key)}: ${stored.text}`).toBe(200);
        const get = signRequest({ ...config, bucket: keysBucket, key });
        const got = await client.send(get.url, { headers: get.headers });
        expect(got.status, keyTitle(key)).toBe(200);
        expect(fingerprint(got.body), keyTitle(key)).toEqual(fingerprint(data));
      }, 8);
      const list = signRequest({ ...config, bucket: keysBucket, key: '', query: { 'list-type': '2', 'max-keys': '1000', 'fetch-owner': 'true' } });
      const listed = await client.send(list.url, { headers: list.headers });
      expect(listed.status, listed.text).toBe(200);
      expect(xmlValues(listed.text, 'Key').sort()).toEqual([...HOSTILE_KEYS].sort());
      for (const [prefix, expected] of [['日本/../', ['日本/../中文/./한국어//']], ['a/', ['a/../b', 'a/./b', 'a//b']], ['%', ['%%%', '%2F-looks-like-a-slash', '%zz-not-an-escape']]] as const) {
        const q = signRequest({ ...config, bucket: keysBucket, key: '', query: { 'list-type': '2', prefix } });
        const r = await client.send(q.url, { headers: q.headers });
        expect(r.status, r.text).toBe(200);
        expect(xmlValues(r.text, 'Key'), `prefix ${prefix}`).toEqual(expected);
      }
    });
  });

  describe(`batch API: ${BATCH.toLocaleString('en')} objects`, () => {
    const bucket = server.bucketName('batch');
    // Short hostile names inside each key (the 1,024-byte one would exceed S3's key limit).
    const names = HOSTILE_KEYS.filter((k) => k.length < 100);
    const keys = Array.from({ length: BATCH }, (_, i) => `batch/${i}/${names[i % names.length]}`);
    const bodyOf = (i: number) => `object ${i} of ${BATCH}`;
    beforeAll(() => server.createBucket(bucket));

    it(`uploads them with presignStream (PUT, path style, 32 in flight)`, async () => {
      const started = performance.now();
      const urls: string[] = [];
      for await (const url of server.presigner('path').presignStream(keys, { bucket, method: 'PUT' })) urls.push(url);
      expect(urls).toHaveLength(BATCH);
      const statuses = await client.map(urls, async (url, i) => (await client.send(url, { method: 'PUT', body: bodyOf(i) })).status);
      expect(countBy(statuses)).toEqual({ 200: BATCH });
      console.log(`e2e ${server.info.kind}: ${BATCH} presigned PUTs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });

    it(`GETs them with presignUrls (virtual-hosted, 32 in flight): all 200, right bodies`, async () => {
      const started = performance.now();
      const urls = server.presigner('virtual-hosted').presignUrls(keys, { bucket });
      expect(urls).toHaveLength(BATCH);
      expect(new Set(urls).size).toBe(BATCH);
      const results = await client.map(urls, async (url, i) => {
        const reply = await client.send(url);
        if (reply.status !== 200) return `${reply.status} ${errorCode(reply)}`;
        return new TextDecoder().decode(reply.body) === bodyOf(i) ? 'ok' : 'wrong body';
      });
      expect(countBy(results)).toEqual({ ok: BATCH });
      console.log(`e2e ${server.info.kind}: ${BATCH} presigned GETs (presignUrls) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });

    it('lists them all (ListObjectsV2 pages, presigned)', async () => {
      const { keys: listed } = await server.listObjects('path', bucket, { prefix: 'batch/' });
      expect(listed).toHaveLength(BATCH);
      expect(new Set(listed)).toEqual(new Set(keys));
    });
  });
}

/** RFC 5987 ext-value characters: attr-char stays, everything else is %XX of its UTF-8. */
function rfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function countBy<T extends string | number>(values: readonly T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

