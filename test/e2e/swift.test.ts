/**
 * OpenStack Swift's s3api (started by global-setup.ts): the shared suites, plus what only swift
 * checks. swift verifies the whole credential scope (date, region, service) and the signed
 * port; radosgw ignores the scope's region and service and a missing port (NOTES.md), so those
 * refusals can only be shown here. swift has no STS: temporary credentials are in
 * radosgw.test.ts. The `sigv4` command is run against swift only: it signs with the same
 * library, so one strict server is enough to show its URLs are accepted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signRequest } from '../../src/node.js';
import { buildCli, type Cli } from './helpers/cli-bin.js';
import { E2EServer, expectRefused } from './helpers/e2e-server.js';
import { bodyFor, HOSTILE_KEYS, keyTitle } from './helpers/hostile-keys.js';
import { fingerprint } from './helpers/s3-client.js';
import { defineS3Suites } from './helpers/s3-suites.js';

const server = new E2EServer(inject('servers').swift);

afterAll(async () => {
  console.log(server.client.summary());
  await server.client.close();
});

defineS3Suites(server);

describe('swift only: the credential scope and the port are signed and checked', () => {
  const bucket = server.bucketName('scope');
  const body = new TextEncoder().encode('scoped');
  beforeAll(async () => {
    await server.createBucket(bucket);
    await server.putObjects(bucket, [['k', body]]);
  });

  it('a URL signed for another region is refused (400 AuthorizationQueryParametersError)', async () => {
    const { url } = server.presigner('virtual-hosted', { region: 'eu-west-1' }).presign({ bucket, key: 'k' });
    const reply = await server.client.send(url);
    expectRefused(reply, 400, 'AuthorizationQueryParametersError', 'region eu-west-1');
    expect(reply.text).toContain("the region 'eu-west-1' is wrong; expecting 'us-east-1'");
  });

  it('a URL signed for another service is refused (400)', async () => {
    // service 'sts' also switches to the non-S3 URI rules; the key 'k' reads the same under both.
    const { url } = server.presigner('virtual-hosted', { service: 'sts' }).presign({ bucket, key: 'k' });
    expectRefused(await server.client.send(url), 400, 'AuthorizationQueryParametersError', 'service sts');
  });

  it('a request header-signed for another region is refused (400 AuthorizationHeaderMalformed)', async () => {
    const signed = signRequest({ ...server.config('path'), region: 'eu-west-1', bucket, key: 'k' });
    expectRefused(await server.client.send(signed.url, { headers: signed.headers }), 400, 'AuthorizationHeaderMalformed', 'region eu-west-1');
  });

  it('the port is part of the signed host: sent without it, refused (403)', async () => {
    const { url } = server.presigner('virtual-hosted').presign({ bucket, key: 'k' });
    expectRefused(await server.client.send(url, { host: `${bucket}.${server.info.storageDomain}` }), 403, 'SignatureDoesNotMatch', 'no port');
    const ok = await server.client.send(url);
    expect(ok.status).toBe(200);
  });
});

describe('the sigv4 command: node dist/bin.js presign', () => {
  const bucket = server.bucketName('cli');
  const env = {
    AWS_ACCESS_KEY_ID: server.info.accessKeyId,
    AWS_SECRET_ACCESS_KEY: server.info.secretAccessKey,
    AWS_DEFAULT_REGION: server.info.region,
  };
  const endpoint = ['--endpoint-url', `http://${server.domainHost}`];
  let cli: Cli | undefined;
  const run = (args: string[], input?: string, environment: Record<string, string> = env) => (cli as Cli).run(args, environment, input);

  beforeAll(async () => {
    cli = await buildCli();
    await server.createBucket(bucket);
    await server.putObjects(bucket, HOSTILE_KEYS.map((key, i) => [key, bodyFor(i)] as const));
  });
  afterAll(() => cli?.remove());

  it.each(['sp ace', 'pct%20lit', 'eq=amp&q?hash#', '/leading-slash', 'a/../b', 'astral 😀🎉'])(
    'presign s3://bucket/%s prints a URL that GETs the object',
    async (key) => {
      const out = await run(['presign', `s3://${bucket}/${key}`, ...endpoint]);
      expect(out.code, out.stderr).toBe(0);
      const url = out.stdout.trimEnd();
      expect(url.split('\n')).toHaveLength(1);
      expect(url.startsWith(server.urlBase('virtual-hosted', bucket))).toBe(true);
      const got = await server.client.send(url);
      expect(got.status, got.text).toBe(200);
      expect(fingerprint(got.body)).toEqual(fingerprint(bodyFor(HOSTILE_KEYS.indexOf(key))));
    },
  );

  it('--method PUT --content-type --json: the printed URL and headers upload; another type is refused', async () => {
    const key = 'cli/upload ü+%20.txt';
    const out = await run(['presign', `s3://${bucket}/${key}`, ...endpoint, '--path-style', '--method', 'PUT', '--content-type', 'text/plain', '--json']);
    expect(out.code, out.stderr).toBe(0);
    const signed = JSON.parse(out.stdout) as { url: string; method: string; headers: Record<string, string> };
    expect(signed.method).toBe('PUT');
    expect(signed.url.startsWith(server.urlBase('path', bucket).replace('127.0.0.1', server.info.storageDomain))).toBe(true);
    const body = new TextEncoder().encode('uploaded by the CLI URL');
    expectRefused(await server.client.send(signed.url, { method: 'PUT', headers: { 'content-type': 'text/html' }, body }), 403, 'SignatureDoesNotMatch', 'another type');
    const put = await server.client.send(signed.url, { method: 'PUT', headers: signed.headers, body });
    expect(put.status, put.text).toBe(200);
    const got = await server.client.send(server.presigner('path').presign({ bucket, key }).url);
    expect(got.headers['content-type']).toBe('text/plain');
    expect(fingerprint(got.body)).toEqual(fingerprint(body));
  });

  it.each([[[] as string[], 'virtual-hosted'], [['--path-style'], 'path']] as const)(
    '--batch %j: one URL per s3:// line for every hostile key, all accepted',
    async (flags, style) => {
      const input = HOSTILE_KEYS.map((key) => `s3://${bucket}/${key}\n`).join('');
      const out = await run(['presign', '--batch', ...endpoint, ...flags], input);
      expect(out.code, out.stderr).toBe(0);
      const urls = out.stdout.split('\n').slice(0, -1);
      expect(urls).toHaveLength(HOSTILE_KEYS.length);
      const host = style === 'path' ? `http://${server.domainHost}/${bucket}/` : server.urlBase('virtual-hosted', bucket);
      const results = await server.client.map(urls, async (url, i) => {
        const got = await server.client.send(url);
        const ok = url.startsWith(host) && got.status === 200 && fingerprint(got.body).sha256 === fingerprint(bodyFor(i)).sha256;
        return ok ? 'ok' : `${keyTitle(HOSTILE_KEYS[i] as string)}: ${got.status}`;
      });
      expect(results.filter((r) => r !== 'ok')).toEqual([]);
    },
  );

  it('a URL from a wrong secret in the environment is refused', async () => {
    const out = await run(['presign', `s3://${bucket}/sp ace`, ...endpoint], '', { ...env, AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
    expect(out.code, out.stderr).toBe(0);
    expectRefused(await server.client.send(out.stdout.trimEnd()), 403, 'SignatureDoesNotMatch', 'wrong secret');
  });
});
