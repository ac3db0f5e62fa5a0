/**
 * `sigv4`: presigned S3 URLs from the command line, a drop-in for `aws s3 presign` (same URI
 * form, flags, credential files and output), plus methods other than GET, signed headers and
 * query parameters, JSON output and a streaming batch mode.
 *
 * `main(argv, io)` is a plain function: streams, environment and clock come in `io`, the exit
 * code goes out (0 ok, 1 signing, credential or input error, 2 usage error). Results go to
 * stdout, diagnostics to stderr; a stack trace only with --debug.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, MAX_LINE_LENGTH, type PresignArgs, type S3Target, UsageError, parseCommandLine, parseS3Uri } from './cli-args.js';
import { type AwsSettings, AwsConfigError, resolveAwsSettings } from './aws-config.js';
import { type PresignedRequest, type Presigner, SigV4Error, createPresigner } from './node.js';

export interface CliIo {
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Show live progress of --batch on stderr (bin.ts: stderr is a terminal and stdout is not). */
  readonly isTTY?: boolean | undefined;
  /** The signing clock when --date is not given; default `new Date()`. */
  readonly now?: (() => Date) | undefined;
}

const HELP = `sigv4: presigned S3 URLs (AWS Signature Version 4), a drop-in for 'aws s3 presign'

Usage:
  sigv4 presign s3://bucket/key [options]      print one presigned URL
  sigv4 presign --batch [options] < in > out   one URL per input line, streaming
  sigv4 --help | --version

Options:
  --expires-in N          seconds the URL stays valid, 1..604800 (default 3600)
  --method M              GET (default), PUT, HEAD, DELETE or POST
  --region R              signing region (default: AWS_REGION, AWS_DEFAULT_REGION,
                          the profile's region, else us-east-1)
  --profile P             profile of ~/.aws/credentials and ~/.aws/config
  --endpoint-url URL      S3-compatible endpoint, e.g. http://127.0.0.1:9000
  --path-style            https://s3.REGION.amazonaws.com/bucket/key addressing
  --content-type T        sign a Content-Type header (the client must send it)
  --header 'Name: value'  sign a header (repeatable; the client must send it)
  --query name=value      add a signed query parameter (repeatable)
  --date TIME             signing time, e.g. 2026-01-01T00:00:00Z (default now)
  --bucket B              inputs are bare keys in bucket B (the argument, or every line)
  --batch                 read s3://bucket/key lines (bare keys with --bucket) from stdin
  --json                  print {"url","method","headers","expiresAt"} (one line each)
  --allow-expiring-credentials
                          sign even if temporary credentials expire before the URL
  --debug                 print settings, canonical request and string to sign on stderr
  -h, --help              this help
  --version               the version

Credentials (never from flags): AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
AWS_SESSION_TOKEN; else the profile (--profile, AWS_PROFILE, else default) in
AWS_SHARED_CREDENTIALS_FILE (~/.aws/credentials) and AWS_CONFIG_FILE (~/.aws/config),
including credential_process. --profile skips the environment's keys, as in the AWS CLI.
Endpoint: --endpoint-url, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the profile's endpoint_url.

Batch input: UTF-8 lines; one trailing CR is removed from each (CRLF files work), so a key
cannot end in CR. Output line N is the URL for input line N.

Exit status: 0 ok, 1 signing, credential or input error, 2 usage error.

Examples:
  sigv4 presign s3://my-bucket/report.pdf --expires-in 600
  sigv4 presign s3://my-bucket/upload.png --method PUT --content-type image/png --json
  sigv4 presign --batch --bucket my-bucket --expires-in 86400 < keys.txt > urls.txt
`;

/** An error in one batch input line: exit 1, naming the line. */
class LineError extends Error {
  readonly line: number;
  readonly code: string;
  constructor(line: number, code: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'LineError';
    this.line = line;
    this.code = code;
  }
}

/** The reader of the output went away (EPIPE, e.g. `| head`): stop quietly. */
class OutputClosed extends Error {}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command | undefined;
  const err = (s: string): void => {
    io.stderr.write(s);
  };
  try {
    command = parseCommandLine(argv);
    if (command.kind === 'help') {
      await writeAll(io.stdout, HELP);
      return 0;
    }
    if (command.kind === 'version') {
      await writeAll(io.stdout, `${version()}\n`);
      return 0;
    }
    return await presignCommand(command.args, io);
  } catch (e) {
    const debug = command?.debug === true || argv.includes('--debug');
    if (e instanceof OutputClosed) return 0;
    if (e instanceof UsageError) {
      err(`sigv4: ${e.message}\n${e.hint}\n`);
      return 2;
    }
    if (e instanceof SigV4Error || e instanceof AwsConfigError || e instanceof LineError) {
      const where = e instanceof LineError ? `stdin line ${e.line}: ` : '';
      err(`sigv4: ${where}${e.code}: ${e.message}\n`);
      const hint = hintFor(e.code);
      if (hint !== '') err(`${hint}\n`);
      if (debug) err(`${(e.cause instanceof Error ? e.cause : e).stack ?? ''}\n`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    err(`sigv4: ${message.split('\n')[0]}\n`);
    if (debug) err(`${e instanceof Error ? e.stack : ''}\n`);
    else err('Run again with --debug for details.\n');
    return 1;
  }
}

function hintFor(code: string): string {
  switch (code) {
    case 'CREDENTIALS_EXPIRE_TOO_SOON':
      return 'Use a shorter --expires-in, refresh the credentials, or pass --allow-expiring-credentials (the URL then stops working when they expire).';
    case 'NO_CREDENTIALS':
      return "Run 'sigv4 --help' for where credentials are read from.";
    default:
      return '';
  }
}

/** Everything the signing needs, resolved once per run. */
interface Session {
  readonly settings: AwsSettings;
  readonly presigner: Presigner;
  readonly now: () => Date;
}

async function presignCommand(args: PresignArgs, io: CliIo): Promise<number> {
  const settings = await resolveAwsSettings({
    env: io.env,
    profile: args.profile,
    region: args.region,
    endpointUrl: args.endpointUrl,
    pathStyle: args.pathStyle,
  });
  let presigner: Presigner;
  try {
    presigner = createPresigner({
      credentials: settings.credentials,
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      allowExpiringCredentials: args.allowExpiringCredentials,
    });
  } catch (e) {
    // Say where a bad region or endpoint came from: it may be a file or a variable, not a flag.
    if (e instanceof SigV4Error && e.code === 'INVALID_REGION') throw new SigV4Error(e.code, e.field, `${stripField(e)} (from ${settings.regionSource})`);
    if (e instanceof SigV4Error && e.field === 'endpoint') throw new SigV4Error(e.code, e.field, `${stripField(e)} (from ${settings.endpointSource})`);
    throw e;
  }
  const session: Session = { settings, presigner, now: io.now ?? (() => new Date()) };
  if (args.debug) io.stderr.write(describeSettings(settings));
  if (!args.batch) {
    const r = sign(session, args, args.target as S3Target, args.date ?? session.now());
    if (args.debug) io.stderr.write(describeSigning(r));
    await writeAll(io.stdout, format(r, args.json) + '\n');
    return 0;
  }
  await runBatch(session, args, io);
  return 0;
}

function stripField(e: SigV4Error): string {
  return e.message.startsWith(e.field + ': ') ? e.message.slice(e.field.length + 2) : e.message;
}

function sign(session: Session, args: PresignArgs, target: S3Target, date: Date): PresignedRequest {
  return session.presigner.presign({
    bucket: target.bucket,
    key: target.key,
    method: args.method,
    expiresIn: args.expiresIn,
    date,
    headers: args.headers,
    query: args.query,
  });
}

function format(r: PresignedRequest, json: boolean): string {
  if (!json) return r.url;
  return JSON.stringify({ url: r.url, method: r.method, headers: r.headers, expiresAt: r.expiresAt.toISOString() });
}

/**
 * Streams stdin to stdout: lines in, one URL (or JSON line) per line out, in order. Memory stays
 * flat: one input chunk (64 KiB from a pipe) and its URLs are held at a time, and the next chunk
 * is read only once stdout has taken the previous one ('drain').
 *
 * Lines are split and decoded as bytes, one line at a time, and the URLs are written into one
 * Buffer per chunk. Measured on 1,000,000 workload keys (bench/cli-batch.js): decoding whole
 * chunks and joining the URLs into one string ran at about half the speed, because a chunk holding
 * one non-Latin-1 character decodes to a two-byte string, its sliced keys and every URL built
 * from them are two-byte too, and joining and re-encoding ropes of those costs more than signing.
 */
async function runBatch(session: Session, args: PresignArgs, io: CliIo): Promise<void> {
  const out = streamWriter(io.stdout);
  const progress = io.isTTY === true ? progressMeter(io.stderr) : undefined;
  let carry: Buffer | undefined;
  let lineNo = 0;

  /** Signs the lines of `region` (complete lines, or the unterminated last one when `final`). */
  const signLines = async (region: Buffer, final: boolean): Promise<void> => {
    let start = 0;
    // A UTF-8 byte order mark before the first line is not part of the first key.
    if (lineNo === 0 && region[0] === 0xef && region[1] === 0xbb && region[2] === 0xbf) start = 3;
    const valid = isUtf8(region);
    const date = args.date ?? session.now();
    const results: string[] = [];
    let error: unknown;
    for (;;) {
      const nl = region.indexOf(10, start);
      if (nl < 0 && !(final && start < region.length)) break;
      const end = nl < 0 ? region.length : nl;
      // One trailing CR goes: CRLF input (Windows editors, many exports) gives the same keys as LF.
      const stop = end > start && region[end - 1] === 13 ? end - 1 : end;
      const lineStart = start;
      lineNo++;
      start = end + 1;
      try {
        const line = region.subarray(lineStart, stop);
        if (!valid && !isUtf8(line)) throw new LineError(lineNo, 'INVALID_INPUT', 'the line is not valid UTF-8');
        const r = sign(session, args, lineTarget(line.toString('utf8'), args.bucket, lineNo), date);
        if (args.debug) io.stderr.write(`--- line ${lineNo}\n` + describeSigning(r));
        results.push(format(r, args.json));
      } catch (e) {
        error = e;
        break;
      }
    }
    // The URLs of the lines before a bad one are still written: output line N is input line N.
    if (results.length > 0) await out.write(joinLines(results));
    progress?.add(results.length);
    if (error !== undefined) throw asLineError(error, lineNo);
  };

  try {
    for await (const chunk of io.stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const data = carry === undefined ? bytes : Buffer.concat([carry, bytes]);
      const last = data.lastIndexOf(10);
      if (last >= 0) await signLines(data.subarray(0, last + 1), false);
      // Copied: a slice would keep the whole chunk alive.
      carry = last + 1 < data.length ? Buffer.from(data.subarray(last + 1)) : undefined;
      if (carry !== undefined && carry.length > MAX_LINE_LENGTH) {
        throw new LineError(lineNo + 1, 'INVALID_INPUT', `the line is longer than ${MAX_LINE_LENGTH} bytes`);
      }
    }
    if (carry !== undefined) await signLines(carry, true);
  } finally {
    progress?.done();
    out.release();
  }
}

/** The lines, each followed by '\n', as UTF-8 in one Buffer (URLs are ASCII; JSON may not be). */
function joinLines(lines: readonly string[]): Buffer {
  let capacity = 0;
  for (const l of lines) capacity += l.length * 3 + 1;
  const buf = Buffer.allocUnsafe(capacity);
  let pos = 0;
  for (const l of lines) {
    pos += buf.write(l, pos, 'utf8');
    buf[pos++] = 10;
  }
  return buf.subarray(0, pos);
}

function lineTarget(line: string, bucket: string | undefined, lineNo: number): S3Target {
  if (line === '') {
    // An empty key would presign the bucket itself (a listing): never from a stray blank line.
    throw new LineError(lineNo, 'INVALID_INPUT', 'the line is empty; presign a bucket itself with `sigv4 presign s3://bucket`');
  }
  if (bucket !== undefined) return { bucket, key: line };
  try {
    return parseS3Uri(line, false);
  } catch (e) {
    throw new LineError(lineNo, 'INVALID_INPUT', `${(e as UsageError).message} (${(e as UsageError).hint})`);
  }
}

function asLineError(e: unknown, lineNo: number): unknown {
  if (e instanceof LineError) return e;
  if (e instanceof SigV4Error) return new LineError(lineNo, e.code, e.message, e);
  return e;
}

/** Writes with backpressure; a closed reader (EPIPE) ends the run quietly. */
function streamWriter(stream: Writable): { write(data: string | Uint8Array): Promise<void>; release(): void } {
  let failure: Error | undefined;
  const onError = (e: Error): void => {
    failure ??= e;
  };
  stream.on('error', onError);
  const check = (): void => {
    if (failure === undefined) return;
    if ((failure as NodeJS.ErrnoException).code === 'EPIPE') throw new OutputClosed();
    throw failure;
  };
  return {
    async write(data) {
      check();
      if (!stream.write(data)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stream.off('drain', done);
            stream.off('error', done);
            stream.off('close', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('error', done);
          stream.on('close', done);
        });
      }
      check();
    },
    release() {
      stream.off('error', onError);
    },
  };
}

async function writeAll(stream: Writable, s: string): Promise<void> {
  const w = streamWriter(stream);
  try {
    await w.write(s);
  } finally {
    w.release();
  }
}

/** Count and rate on one stderr line, redrawn at most 5 times a second. */
function progressMeter(stderr: Writable): { add(n: number): void; done(): void } {
  const t0 = performance.now();
  let count = 0;
  let last = 0;
  const line = (): string => {
    const s = (performance.now() - t0) / 1000;
    return `${count.toLocaleString('en-US')} URLs, ${Math.round(count / Math.max(s, 1e-3)).toLocaleString('en-US')}/s`;
  };
  return {
    add(n) {
      count += n;
      const t = performance.now();
      if (t - last >= 200) {
        last = t;
        stderr.write(`\r${line()}\x1b[K`);
      }
    },
    done() {
      stderr.write(`\r${line()} in ${((performance.now() - t0) / 1000).toFixed(1)} s\x1b[K\n`);
    },
  };
}

function describeSettings(s: AwsSettings): string {
  const c = s.credentials;
  const temp = c.sessionToken === undefined ? '' : `, with a session token${c.expiration ? ` expiring ${c.expiration.toISOString()}` : ''}`;
  return (
    `--- settings\n` +
    `profile: ${s.profile}\n` +
    `credentials: access key ${c.accessKeyId} from ${s.credentialSource}${temp}\n` +
    `region: ${s.region} (from ${s.regionSource})\n` +
    `endpoint: ${s.endpoint === undefined ? 'AWS S3' : `${s.endpoint} (from ${s.endpointSource})`}\n` +
    `addressing: ${s.forcePathStyle ? `path-style (from ${s.forcePathStyleSource})` : 'virtual-hosted when the bucket name allows it'}\n`
  );
}

/**
 * Values that are secret even though they are signed: the session token (in the canonical query)
 * and an SSE-C key header. The URL on stdout carries the token anyway; a debug log should not.
 */
const REDACT_QUERY = /(X-Amz-Security-Token=)[^&\n]*/g;
const REDACT_HEADER = /^(x-amz-(?:copy-source-)?server-side-encryption-customer-key:).*$/gm;

function describeSigning(r: PresignedRequest): string {
  const canonical = r.canonicalRequest.replace(REDACT_QUERY, '$1<redacted>').replace(REDACT_HEADER, '$1<redacted>');
  return `--- CanonicalRequest\n${canonical}\n--- StringToSign\n${r.stringToSign}\n`;
}
