/**
 * The fixed benchmark workload (issue 3, "Benchmark"): 100,000 S3 object keys of 40-80 UTF-8
 * bytes, mixed like a real bucket, all signed as GET, virtual-hosted, us-east-1, at one fixed date
 * for 3600 s, once without and once with a ~700-character session token.
 *
 * Everything comes from a seeded PRNG, so every process (one per implementation, see run.js) builds
 * the same keys without passing them around, and the streaming run can regenerate keys on the fly.
 *
 * What the keys deliberately do NOT contain: `//`, `.` or `..` path segments, a leading `/` and `%`.
 * Those are where S3 signers legitimately disagree (the CRT signer behind CrtSignerV4 normalises
 * `a//b` and `a/./b` before signing; aws4 and aws4fetch percent-decode the path they are given), and
 * the point here is speed on keys every signer gets right. `checkKey` enforces it.
 */

export const BUCKET = 'bench-bucket';
export const REGION = 'us-east-1';
export const SERVICE = 's3';
export const HOST = `${BUCKET}.s3.${REGION}.amazonaws.com`;
export const DATE = new Date('2026-01-01T00:00:00Z');
export const AMZ_DATE = '20260101T000000Z';
export const EXPIRES_IN = 3600;
export const KEY_COUNT = 100_000;
export const SEED = 0x5167_0004;
export const SAMPLE_SIZE = 200;

/** The AWS documentation's example key pair: public, not a secret. */
export const ACCESS_KEY_ID = 'AKIDEXAMPLE';
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/** mulberry32, the same small PRNG as test/helpers/random.ts. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * A session token shaped like an STS one: 700 base64 characters (so `+`, `/` and a trailing `=`
 * that must be percent-encoded in the query), deterministic.
 */
function makeSessionToken() {
  const rnd = createRandom(SEED ^ 0x70ce);
  const bytes = Buffer.alloc(524);
  for (let i = 0; i < bytes.length; i++) bytes[i] = rnd.int(0, 255);
  const token = 'IQoJb3JpZ2luX2VjE' + bytes.toString('base64').slice(17);
  if (token.length !== 700 || !/[+]/.test(token) || !/[/]/.test(token) || !token.endsWith('=')) {
    throw new Error('bench: the generated session token lost its shape');
  }
  return token;
}
export const SESSION_TOKEN = makeSessionToken();

export const VARIANTS = {
  'no-token': { name: 'no-token', label: 'no session token', credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY } },
  token: {
    name: 'token',
    label: `session token (${SESSION_TOKEN.length} chars)`,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN },
  },
};

// Segment pools, one per kind of key the issue lists. Each key draws most of its segments from one
// kind and the rest from any, so kinds also mix within a key.
const POOLS = {
  ascii: [
    'photos', 'images', '2024', '2025', '2026', 'IMG_4021.jpg', 'backups', 'logs', 'data', 'reports', 'q3', 'file-01.txt',
    'archive', 'v2', 'users', 'alice', 'bob', 'thumbs', 'raw', 'export_2026-01-01.csv', 'index.html', 'assets', 'css',
    'main.min.js', 'tenant-42', 'shard_07', 'part-00017.parquet', 'README.md', 'video', '1080p', 'seg_000123.ts',
  ],
  spaces: [
    'My Documents', 'report (copy).pdf', 'Final Draft (copy)', 'New Folder', 'photo (copy 2).jpg', 'Meeting notes',
    'Q4 plan (copy).docx', 'holiday pics', 'Untitled (copy)', 'scan 0001.png',
  ],
  plusEqAmp: [
    'a+b', 'x=1', 'tom&jerry', 'c++', 'k=v&x=y', 'rock+roll', 'R&D', '1+1=2', 'salt&pepper.txt', 'q=a+b&c', 'base64==',
  ],
  tilde: ['~user', 'backup~', '~tmp~', 'home~alice', '~', 'file.txt~'],
  subDelims: ["it's", 'what!', 'star*', '(draft)', "don't-panic!", '*important*', "O'Brien", 'wow!!', '(1)', "a*b'c"],
  accented: [
    'été', 'café', 'naïve', 'Ångström', 'résumé', 'Zürich', 'São Paulo', 'crème brûlée', 'niño', 'Łódź', 'Ærøskøbing',
    'façade.jpg', 'Québec', 'Öl.txt',
  ],
  cjk: ['写真', '東京', '日本語', '文档', '资料.pdf', 'ファイル', 'テスト', '画像.png', '𠮷野家', '會議記錄', '北京', 'データ'],
};
const KINDS = Object.keys(POOLS);
// Plain ASCII dominates real buckets; every other kind still gets thousands of keys.
const KIND_WEIGHTS = { ascii: 34, spaces: 11, plusEqAmp: 11, tilde: 8, subDelims: 10, accented: 13, cjk: 13 };
const WEIGHTED_KINDS = KINDS.flatMap((k) => Array(KIND_WEIGHTS[k]).fill(k));
const utf8Length = (s) => Buffer.byteLength(s, 'utf8');
const SIZED = Object.fromEntries(KINDS.map((k) => [k, POOLS[k].map((s) => ({ s, n: utf8Length(s) }))]));
const DIGITS = '0123456789';

export const MIN_KEY_BYTES = 40;
export const MAX_KEY_BYTES = 80;

/** Why a key does not belong in the workload, or undefined. */
export function checkKey(key) {
  const n = utf8Length(key);
  if (n < MIN_KEY_BYTES || n > MAX_KEY_BYTES) return `is ${n} bytes, not ${MIN_KEY_BYTES}-${MAX_KEY_BYTES}`;
  if (key.startsWith('/') || key.endsWith('/') || key.includes('//')) return 'has a leading, trailing or doubled slash';
  if (key.split('/').some((s) => s === '.' || s === '..')) return 'has a dot segment';
  if (key.includes('%')) return 'has a %';
  if (!key.isWellFormed()) return 'has a lone surrogate';
  return undefined;
}

/**
 * One key from the generator's stream: '/'-joined segments, mostly of one kind mixed with plain
 * ASCII ones (a plain-ASCII key has only ASCII segments), padded with '-' and digits to a length
 * drawn uniformly from 40..80 UTF-8 bytes. Cheap (well under a microsecond), because the streaming
 * run generates ten million of them inside the timed loop.
 */
export function nextKey(rnd) {
  const kind = rnd.pick(WEIGHTED_KINDS);
  const own = SIZED[kind];
  const ascii = SIZED.ascii;
  const target = rnd.int(MIN_KEY_BYTES, MAX_KEY_BYTES);
  let seg = rnd.pick(own);
  let key = seg.s;
  let n = seg.n;
  for (let misses = 0; misses < 3 && target - n > 4; ) {
    const r = rnd.next();
    seg = rnd.pick(r < 0.55 ? own : r < 0.9 ? ascii : SIZED[rnd.pick(KINDS)]);
    if (n + 1 + seg.n > target) {
      misses++;
      continue;
    }
    key += '/' + seg.s;
    n += 1 + seg.n;
  }
  if (n < target) {
    key += '-';
    n++;
  }
  while (n < target) {
    key += DIGITS[(rnd.next() * 10) | 0];
    n++;
  }
  return key;
}

/** The first n workload keys (checked: see checkKey). The streaming run draws more from the same generator. */
export function makeKeys(n = KEY_COUNT, seed = SEED) {
  const rnd = createRandom(seed);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const key = nextKey(rnd);
    const bad = checkKey(key);
    if (bad !== undefined) throw new Error(`bench: generated key #${i} ${JSON.stringify(key)} ${bad}`);
    out[i] = key;
  }
  // The generator builds keys by concatenation (V8 rope strings); keys read from a file or a
  // database are flat. A JSON round trip gives every implementation flat strings from the first run.
  return JSON.parse(JSON.stringify(out));
}

// What each kind looks like, to check that the sample covers every kind.
export const KIND_PATTERNS = {
  ascii: /^[A-Za-z0-9_\-./]+$/,
  spaces: / /,
  copy: /\(copy/,
  plus: /\+/,
  equals: /=/,
  ampersand: /&/,
  tilde: /~/,
  subDelims: /[!*'()]/,
  accented: /[\u00C0-\u017F]/,
  cjk: /[\u3040-\u30FF\u4E00-\u9FFF]|\uD842\uDFB7/,
  fourByteUtf8: /[\uD800-\uDBFF]/,
};

/**
 * The keys whose URLs every implementation must sign exactly as sigv4 does before it is timed:
 * SAMPLE_SIZE workload keys, the first ones of every kind, then evenly spread ones.
 */
export function sampleKeys(keys, size = SAMPLE_SIZE) {
  const chosen = new Set();
  const perKind = Math.max(1, Math.floor(size / 2 / Object.keys(KIND_PATTERNS).length));
  for (const re of Object.values(KIND_PATTERNS)) {
    let found = 0;
    for (const k of keys) {
      if (found === perKind) break;
      if (re.test(k) && !chosen.has(k)) {
        chosen.add(k);
        found++;
      }
    }
    if (found === 0) throw new Error(`bench: the workload has no key matching ${re}`);
  }
  const step = Math.max(1, Math.floor(keys.length / size));
  for (let i = 0; chosen.size < size && i < keys.length; i += step) chosen.add(keys[i]);
  return [...chosen];
}

/** What an implementation's setup() gets. */
export function makeWorkload(variantName, keys) {
  const variant = VARIANTS[variantName];
  if (!variant) throw new Error(`bench: unknown variant ${variantName}`);
  return {
    variant: variant.name,
    keys,
    bucket: BUCKET,
    host: HOST,
    region: REGION,
    service: SERVICE,
    date: DATE,
    amzDate: AMZ_DATE,
    expiresIn: EXPIRES_IN,
    credentials: variant.credentials,
  };
}

/**
 * The S3 path for a raw key as SigV4 encodes it for S3 (every byte but A-Za-z0-9-._~ as %XX, '/'
 * kept, no normalisation). Rivals that take an already-encoded path (aws4, aws4fetch, smithy, the
 * CRT) get this, per key, inside the timed loop: it is work their users must do.
 */
export function encodeS3Path(key) {
  return '/' + encodeURIComponent(key).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%2F/g, '/');
}
