/**
 * The command line of `sigv4`, read with one `node:util` parseArgs call and checked here: every
 * problem is a UsageError (exit 2). Values that need the library's rules (region names, bucket
 * names, header names, endpoint URLs) are left to the library, whose errors exit 1.
 *
 * No flag takes a secret: argv is visible in `ps` and in shell history.
 */
import { parseArgs } from 'node:util';

export const MAX_EXPIRES_IN = 604800;
export const METHODS: readonly string[] = ['GET', 'PUT', 'HEAD', 'DELETE', 'POST'];
/** A batch line longer than this many bytes is an error: it bounds memory when the input has no newlines. */
export const MAX_LINE_LENGTH = 1 << 20;

export class UsageError extends Error {
  readonly hint: string;
  constructor(message: string, hint = "Run 'sigv4 presign --help' for the options.") {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

export interface S3Target {
  readonly bucket: string;
  readonly key: string;
}

export interface PresignArgs {
  /** The one URI or key (not with --batch). */
  readonly target: S3Target | undefined;
  readonly batch: boolean;
  /** --bucket: inputs are bare keys taken verbatim. */
  readonly bucket: string | undefined;
  readonly expiresIn: number;
  readonly method: string;
  readonly region: string | undefined;
  readonly profile: string | undefined;
  readonly endpointUrl: string | undefined;
  readonly pathStyle: boolean;
  /** From --content-type and --header, in order. */
  readonly headers: ReadonlyArray<readonly [string, string]> | undefined;
  /** From --query; a repeated name keeps every value. */
  readonly query: Readonly<Record<string, string[]>> | undefined;
  readonly date: Date | undefined;
  readonly json: boolean;
  readonly debug: boolean;
  readonly allowExpiringCredentials: boolean;
}

export type Command =
  | { readonly kind: 'help'; readonly debug: boolean }
  | { readonly kind: 'version'; readonly debug: boolean }
  | { readonly kind: 'presign'; readonly debug: boolean; readonly args: PresignArgs };

const OPTIONS = {
  'expires-in': { type: 'string' },
  method: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  'path-style': { type: 'boolean' },
  'content-type': { type: 'string' },
  header: { type: 'string', multiple: true },
  query: { type: 'string', multiple: true },
  date: { type: 'string' },
  bucket: { type: 'string' },
  batch: { type: 'boolean' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  'allow-expiring-credentials': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Option names that look like an attempt to pass a secret: they get a hint of their own. */
const SECRET_LIKE = /secret|access-?key|session-?token|token|password|credential/i;

function fromParseArgsError(e: Error & { code?: string }): UsageError {
  const option = /'(-[^' ]*)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    if (SECRET_LIKE.test(option)) {
      return new UsageError(
        `unknown option '${option}': sigv4 never takes credentials from the command line (argv shows in ps and shell history)`,
        'Set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, or use --profile with ~/.aws/credentials or a credential_process.',
      );
    }
    return new UsageError(`unknown option '${option}'`);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(e.message)) return new UsageError(`option '${option}' takes no value`);
    if (/ambiguous/.test(e.message)) {
      return new UsageError(`option '${option}' needs a value`, `A value that starts with '-' is written ${option}=-value.`);
    }
    return new UsageError(`option '${option}' needs a value`);
  }
  return new UsageError(e.message.split('\n')[0] ?? 'invalid arguments');
}

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw fromParseArgsError(e as Error & { code?: string });
  }
  const { values: v, positionals } = parsed;
  const debug = v.debug === true;
  if (v.help === true) return { kind: 'help', debug };
  if (v.version === true) return { kind: 'version', debug };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command', "Run 'sigv4 --help' for usage.");
  if (command !== 'presign') throw new UsageError(`unknown command '${command.slice(0, 40)}'`, "The only command is 'presign'; run 'sigv4 --help' for usage.");

  const batch = v.batch === true;
  const bucket = v.bucket;
  if (bucket !== undefined && bucket === '') throw new UsageError('--bucket: expected a bucket name, got an empty string');
  let target: S3Target | undefined;
  if (batch) {
    if (rest.length > 0) {
      throw new UsageError('--batch reads its keys from stdin: give no S3 URI argument', "Example: sigv4 presign --batch --bucket my-bucket < keys.txt > urls.txt");
    }
  } else {
    if (rest.length === 0) {
      throw new UsageError('missing the S3 URI to presign', 'Example: sigv4 presign s3://my-bucket/path/to/key --expires-in 3600');
    }
    // The extra arguments are not echoed: one might be a secret typed in the wrong place.
    if (rest.length > 1) throw new UsageError(`expected one S3 URI, got ${rest.length} arguments`, 'Quote a key that contains spaces; presign many keys with --batch.');
    const arg = rest[0] as string;
    target = bucket !== undefined ? { bucket, key: arg } : parseS3Uri(arg, true);
  }

  return {
    kind: 'presign',
    debug,
    args: {
      target,
      batch,
      bucket,
      expiresIn: parseExpiresIn(v['expires-in']),
      method: parseMethod(v.method),
      region: nonEmpty(v.region, '--region'),
      profile: nonEmpty(v.profile, '--profile'),
      endpointUrl: nonEmpty(v['endpoint-url'], '--endpoint-url'),
      pathStyle: v['path-style'] === true,
      headers: parseHeaders(v['content-type'], v.header),
      query: parseQuery(v.query),
      date: v.date === undefined ? undefined : parseDate(v.date),
      json: v.json === true,
      debug,
      allowExpiringCredentials: v['allow-expiring-credentials'] === true,
    },
  };
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === '') throw new UsageError(`${flag}: expected a value, got an empty string`);
  return value;
}

/**
 * `s3://bucket/key`, or `bucket/key` without the scheme, which `aws s3 presign` also accepts
 * (aws-cli's test_s3_prefix_not_needed). The key is everything after the first '/' after the
 * bucket, verbatim; no key (`s3://bucket`) addresses the bucket itself.
 */
export function parseS3Uri(text: string, schemeOptional: boolean): S3Target {
  let rest: string;
  if (text.startsWith('s3://')) rest = text.slice(5);
  else if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) {
    const scheme = text.slice(0, text.indexOf(':'));
    throw new UsageError(`expected an S3 URI such as s3://bucket/key, got a ${scheme.slice(0, 20)}:// URL`, 'Give the bucket and key as s3://bucket/key; an S3-compatible server goes in --endpoint-url.');
  } else if (schemeOptional) rest = text;
  else throw new UsageError('expected s3://bucket/key', 'Without --bucket, every line must be an s3://bucket/key URI; with --bucket, every line is a key.');
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? '' : rest.slice(slash + 1);
  if (bucket === '') throw new UsageError('expected s3://bucket/key, got no bucket name', 'Example: s3://my-bucket/path/to/key');
  if (bucket.startsWith('arn:')) {
    throw new UsageError('S3 access point and Outposts ARNs are not supported', 'Presign with the bucket name, or the access point alias as the bucket.');
  }
  return { bucket, key };
}

export function parseExpiresIn(value: string | undefined): number {
  if (value === undefined) return 3600;
  const n = /^[0-9]{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_EXPIRES_IN)) {
    throw new UsageError(
      `--expires-in: expected an integer number of seconds in 1..${MAX_EXPIRES_IN}, got ${JSON.stringify(value.slice(0, 40))}`,
      'Presigned URLs live at most 7 days (604800 seconds); the default is 3600.',
    );
  }
  return n;
}

function parseMethod(value: string | undefined): string {
  if (value === undefined) return 'GET';
  const m = value.toUpperCase();
  if (!METHODS.includes(m)) {
    throw new UsageError(`--method: expected one of ${METHODS.join(', ')}, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return m;
}

function parseHeaders(contentType: string | undefined, headers: string[] | undefined): Array<[string, string]> | undefined {
  const out: Array<[string, string]> = [];
  if (contentType !== undefined) out.push(['Content-Type', contentType.trim()]);
  for (const h of headers ?? []) {
    const colon = h.indexOf(':');
    if (colon < 0) throw new UsageError(`--header: expected 'Name: value', got no ':'`, "Example: --header 'x-amz-acl: private'");
    const name = h.slice(0, colon).trim();
    if (name === '') throw new UsageError("--header: expected 'Name: value', got no name before ':'", "Example: --header 'x-amz-acl: private'");
    if (contentType !== undefined && name.toLowerCase() === 'content-type') {
      throw new UsageError('the content type is given twice (--content-type and --header)', 'Give it once.');
    }
    out.push([name, h.slice(colon + 1).trim()]);
  }
  return out.length === 0 ? undefined : out;
}

function parseQuery(query: string[] | undefined): Record<string, string[]> | undefined {
  if (query === undefined || query.length === 0) return undefined;
  // No prototype: a parameter may be called __proto__.
  const out = Object.create(null) as Record<string, string[]>;
  for (const q of query) {
    const eq = q.indexOf('=');
    // A name alone (`--query acl`) is the name with an empty value, as `?acl` is.
    const name = eq < 0 ? q : q.slice(0, eq);
    const value = eq < 0 ? '' : q.slice(eq + 1);
    if (name === '') throw new UsageError("--query: expected 'name=value', got no name", "Example: --query 'response-content-disposition=attachment'");
    (out[name] ??= []).push(value);
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * `--date`: ISO 8601 with seconds and an explicit zone (`2026-01-01T00:00:00Z`, `...+02:00`), or
 * the X-Amz-Date form `20260101T000000Z`. No zone is an error: local time would sign a different
 * second on every machine. Impossible dates (Feb 30) are errors, not rolled over as Date does.
 */
export function parseDate(text: string): Date {
  const m = ISO_DATE.exec(text) ?? AMZ_DATE.exec(text);
  const bad = (): never => {
    throw new UsageError(`--date: expected a time such as 2026-01-01T00:00:00Z, got ${JSON.stringify(text.slice(0, 40))}`, 'Give seconds and a zone (Z or +hh:mm), or the X-Amz-Date form 20260101T000000Z.');
  };
  if (m === null) return bad();
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = m[7] === undefined || !ISO_DATE.test(text) ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const zone = ISO_DATE.test(text) ? (m[8] as string) : 'Z';
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, fraction);
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (
    check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d ||
    check.getUTCHours() !== h || check.getUTCMinutes() !== mi || check.getUTCSeconds() !== s
  ) {
    return bad();
  }
  let offsetMs = 0;
  if (zone.toUpperCase() !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return bad();
    offsetMs = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return new Date(utc - offsetMs);
}
