/**
 * One server under test, as the suites see it: its credentials, the signer configurations for
 * the two addressing styles, an HTTP client that counts replies, and a few S3 chores (buckets,
 * listings) done with the library itself.
 *
 * Addressing without DNS: the endpoint `http://s3.localhost:<port>` is a host name, so the
 * library addresses a DNS-compatible bucket virtual-hosted (`<bucket>.s3.localhost:<port>`,
 * the servers' storage domain); the endpoint `http://127.0.0.1:<port>` is an IP address, so
 * the library addresses it path-style (`127.0.0.1:<port>/<bucket>/<key>`). Either way the
 * client connects to 127.0.0.1:<port> and sends the URL's authority as Host.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createPresigner, signRequest, type Presigner, type SignerConfig } from '../../../src/node.js';
import type { ServerInfo } from '../servers/index.js';
import { errorCode, S3Client, type Reply } from './s3-client.js';

export type Style = 'virtual-hosted' | 'path';
export const STYLES: readonly Style[] = ['virtual-hosted', 'path'];

export class E2EServer {
  readonly info: ServerInfo;
  readonly client: S3Client;
  /** Per-run suffix: bucket names never collide with a previous run on a reused server. */
  readonly run = randomBytes(4).toString('hex');
  /**
   * The `<Code>` each server gives a signature that does not match: swift answers like AWS;
   * radosgw (with STS enabled) reports every authentication failure as AccessDenied (NOTES.md).
   */
  readonly signatureMismatch: string;

  constructor(info: ServerInfo) {
    this.info = info;
    this.client = new S3Client(info);
    this.signatureMismatch = info.kind === 'swift' ? 'SignatureDoesNotMatch' : 'AccessDenied';
  }

  get credentials(): { accessKeyId: string; secretAccessKey: string } {
    return { accessKeyId: this.info.accessKeyId, secretAccessKey: this.info.secretAccessKey };
  }

  /** `host:port` of the servers' storage domain. */
  get domainHost(): string {
    return `${this.info.storageDomain}:${this.info.port}`;
  }

  /** Signer configuration that addresses buckets in `style`. */
  config(style: Style, overrides: Partial<SignerConfig> = {}): SignerConfig {
    const endpoint = style === 'virtual-hosted' ? `http://${this.domainHost}` : this.info.endpoint;
    return { credentials: this.credentials, region: this.info.region, endpoint, ...overrides };
  }

  presigner(style: Style, overrides: Partial<SignerConfig> = {}): Presigner {
    return createPresigner(this.config(style, overrides));
  }

  /** The URL prefix the library must produce for `bucket` in `style` (checked, not assumed). */
  urlBase(style: Style, bucket: string): string {
    return style === 'virtual-hosted' ? `http://${bucket}.${this.domainHost}/` : `${this.info.endpoint}/${bucket}/`;
  }

  /** A fresh DNS-compatible bucket name (virtual-hostable: lower case, digits, '-'). */
  bucketName(tag: string): string {
    return `sigv4-${tag}-${this.run}`;
  }

  /** CreateBucket, header-signed with the hash of its (empty) body. */
  async createBucket(bucket: string): Promise<void> {
    const signed = signRequest({ ...this.config('path'), method: 'PUT', bucket, key: '', body: '' });
    const reply = await this.client.send(signed.url, { method: 'PUT', headers: signed.headers });
    expect(reply.status, `CreateBucket ${bucket}: ${reply.text}`).toBe(200);
  }

  /** Presigned PUT of each body under its key (path style), all expected 200. */
  async putObjects(bucket: string, objects: ReadonlyArray<readonly [string, Uint8Array | string]>): Promise<void> {
    const presigner = this.presigner('path');
    const urls = presigner.presignUrls(objects.map(([key]) => key), { bucket, method: 'PUT' });
    const replies = await this.client.map(urls, (url, i) => this.client.send(url, { method: 'PUT', body: (objects[i] as readonly [string, Uint8Array | string])[1] }));
    const failed = replies.map((r, i) => [objects[i]?.[0], r.status, errorCode(r)] as const).filter(([, status]) => status !== 200);
    expect(failed, 'uploads that were not 200').toEqual([]);
  }

  /**
   * ListObjectsV2 through presigned GETs of the bucket, following continuation tokens. Returns
   * the keys and common prefixes of every page, in order, and how many pages it took.
   */
  async listObjects(
    style: Style,
    bucket: string,
    query: Record<string, string> = {},
  ): Promise<{ keys: string[]; prefixes: string[]; pages: number }> {
    const presigner = this.presigner(style);
    const keys: string[] = [];
    const prefixes: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const q: Record<string, string> = { 'list-type': '2', ...query };
      if (token !== undefined) q['continuation-token'] = token;
      const { url } = presigner.presign({ bucket, key: '', query: q });
      const reply = await this.client.send(url);
      expect(reply.status, `ListObjectsV2 ${url}: ${reply.text}`).toBe(200);
      keys.push(...xmlValues(reply.text, 'Key'));
      for (const block of reply.text.match(/<CommonPrefixes>[\s\S]*?<\/CommonPrefixes>/g) ?? []) {
        prefixes.push(...xmlValues(block, 'Prefix'));
      }
      token = xmlValues(reply.text, 'IsTruncated')[0] === 'true' ? xmlValues(reply.text, 'NextContinuationToken')[0] : undefined;
      pages++;
      if (pages > 10_000) throw new Error('ListObjectsV2 does not end');
    } while (token !== undefined);
    return { keys, prefixes, pages };
  }
}

/** Decodes XML character data: the five entities and numeric references. */
export function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] as string;
  });
}

/** Every `<tag>…</tag>` value in `xml`, decoded. (The S3 listings here have no nesting of a tag in itself.) */
export function xmlValues(xml: string, tag: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))) out.push(xmlText(m[1] as string));
  return out;
}

/** Asserts a refusal: the status and, when the reply has a body, the S3 error code. */
export function expectRefused(reply: Reply, status: number, code: string | readonly string[], what: string): void {
  expect({ status: reply.status, code: errorCode(reply) }, `${what}: ${reply.text.slice(0, 400)}`).toEqual({
    status,
    code: typeof code === 'string' ? code : expect.toSatisfy((c: string) => code.includes(c)),
  });
}

