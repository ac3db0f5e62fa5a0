/**
 * Sends signed URLs to the e2e servers exactly as signed, and counts what each server answered.
 *
 * Why not `fetch`: the WHATWG URL parser removes dot segments (`/b/a/./k` → `/b/a/k`) and
 * re-escapes, so a correctly signed hostile key would arrive changed and fail (NOTES.md). The
 * request line here is the URL's path and query byte for byte, and the Host header is the URL's
 * authority; the TCP connection always goes to 127.0.0.1:<port>, so `bucket.s3.localhost:<port>`
 * needs no DNS.
 */
import { createHash } from 'node:crypto';
import { Pool } from 'undici';
import type { ServerInfo } from '../servers/index.js';

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
  /** The body as UTF-8 text (error XML, listings). */
  readonly text: string;
}

export interface SendOptions {
  method?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  body?: Uint8Array | string | undefined;
  /** Host header to send instead of the URL's authority (the "another Host" refusal). */
  host?: string | undefined;
}

/** `http://host[:port]/raw/path?raw=query` → its authority and request target, untouched. */
export function splitUrl(url: string): { host: string; target: string } {
  const m = /^http:\/\/([^/?#]+)(\/[^#]*)$/.exec(url);
  if (m === null) throw new Error(`not an http URL with a path: ${url}`);
  return { host: m[1] as string, target: m[2] as string };
}

/** The S3 error `<Code>` of an error reply, or '' (HEAD replies and swift's anonymous 400 have none). */
export function errorCode(reply: Reply): string {
  return /<Code>([^<]*)<\/Code>/.exec(reply.text)?.[1] ?? '';
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Length and digest: compares bodies exactly without dumping kilobytes into a failure message. */
export function fingerprint(bytes: Uint8Array): { length: number; sha256: string } {
  return { length: bytes.length, sha256: sha256Hex(bytes) };
}

export class S3Client {
  readonly server: ServerInfo;
  private readonly pool: Pool;
  /** HTTP status → number of replies. */
  private readonly statuses = new Map<number, number>();

  constructor(server: ServerInfo, connections = 32) {
    this.server = server;
    this.pool = new Pool(`http://127.0.0.1:${server.port}`, { connections, pipelining: 1 });
  }

  /** Sends `url` (as returned by the signer) with its raw path and query, to 127.0.0.1:<port>. */
  async send(url: string, options: SendOptions = {}): Promise<Reply> {
    const { host, target } = splitUrl(url);
    const port = /:(\d+)$/.exec(host)?.[1];
    if (port !== String(this.server.port)) throw new Error(`URL ${url} is not for port ${this.server.port}`);
    return this.sendRaw(options.host ?? host, target, options);
  }

  /** Sends `method target HTTP/1.1` with `Host: host`. */
  async sendRaw(host: string, target: string, options: SendOptions = {}): Promise<Reply> {
    const method = options.method ?? 'GET';
    const res = await this.pool.request({
      path: target,
      method: method as 'GET',
      headers: { ...options.headers, host },
      body: options.body ?? null,
    });
    const body = new Uint8Array(await res.body.arrayBuffer());
    this.statuses.set(res.statusCode, (this.statuses.get(res.statusCode) ?? 0) + 1);
    return { status: res.statusCode, headers: res.headers, body, text: new TextDecoder().decode(body) };
  }

  /**
   * Runs `task` over `items` with at most `limit` in flight (the pool has as many connections),
   * collecting results in order.
   */
  async map<T, R>(items: readonly T[], task: (item: T, index: number) => Promise<R>, limit = 32): Promise<R[]> {
    const out = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i] as T, i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
  }

  /**
   * Counts by outcome: 2xx accepted; 400 and 403 refused (SigV4 and payload checks answer
   * one of the two); 404 not found (the GETs after DELETE); anything else by status.
   */
  counts(): { total: number; accepted: number; refused: Record<number, number>; notFound: number; other: Record<number, number> } {
    const c = { total: 0, accepted: 0, refused: {} as Record<number, number>, notFound: 0, other: {} as Record<number, number> };
    for (const [status, n] of [...this.statuses].sort((a, b) => b[0] - a[0])) {
      c.total += n;
      if (status >= 200 && status < 300) c.accepted += n;
      else if (status === 403 || status === 400) c.refused[status] = n;
      else if (status === 404) c.notFound += n;
      else c.other[status] = n;
    }
    return c;
  }

  /** The line the issue asks for: what this server accepted and refused in this run. */
  summary(): string {
    const c = this.counts();
    const list = (r: Record<number, number>) => Object.entries(r).sort((a, b) => Number(b[0]) - Number(a[0])).map(([status, n]) => `${n} × ${status}`).join(', ');
    const refused = Object.values(c.refused).reduce((a, b) => a + b, 0);
    const parts = [`${c.accepted} accepted (2xx)`, `${refused} refused (${list(c.refused) || 'none'})`];
    if (c.notFound > 0) parts.push(`${c.notFound} × 404 (GETs after DELETE)`);
    if (Object.keys(c.other).length > 0) parts.push(`other: ${list(c.other)}`);
    return `e2e ${this.server.kind}: ${c.total} requests — ${parts.join(', ')}; each status asserted by its test`;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
