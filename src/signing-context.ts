/**
 * The fixed parts of signing, validated once: who signs (credentials), for which region and
 * service, with which URI rules, and the derived-key cache. The secret key lives only in the
 * closure of `createSigningContext` (and, for the web entry's one-off calls, in the entry of a
 * `KeyMemo` next to the key derived from it); no property, cache key or message holds it.
 */
import { canonicalUri as buildCanonicalUri, type UriRules } from './canonical-uri.js';
import { credentialScope } from './credential-scope.js';
import type { CryptoBackend } from './crypto-backend.js';
import { SigV4Error, describeType } from './errors.js';
import { resolveEndpoint } from './request-input.js';
import type { S3Endpoint } from './s3-address.js';
import { deriveSigningKey } from './signing-key.js';
import { orDefault, checkBoolean, checkCredentials, checkObject, checkRegion, checkService, type Credentials } from './validate.js';

export interface SignerConfig {
  /** Long-term or temporary credentials. `expiration` is checked against URL lifetimes. */
  credentials: Credentials;
  region: string;
  /** Signing name of the service; default 's3'. */
  service?: string | undefined;
  /** S3-compatible endpoint for bucket + key input, e.g. `http://127.0.0.1:9000`. */
  endpoint?: string | undefined;
  /** Always address buckets path-style (`/{bucket}/{key}`). */
  forcePathStyle?: boolean | undefined;
  /** Allow a presigned URL to outlive temporary credentials (it stops working when they expire). */
  allowExpiringCredentials?: boolean | undefined;
  /** Encode the path twice: default true except for S3. */
  doubleEncode?: boolean | undefined;
  /** Normalise `.`/`..`/empty path segments: default true except for S3. */
  normalizePath?: boolean | undefined;
  /**
   * Sign the session token (default). false adds it after signing, for the few services that
   * want it unsigned (aws-c-auth's `omit_session_token`).
   */
  signSessionToken?: boolean | undefined;
}

/**
 * `H` is how the backend returns a hex digest (string, or a Promise of one for Web Crypto) and
 * `K` how it returns a key; the defaults are the synchronous backends'.
 */
export interface SigningContext<H = string, K = Uint8Array> {
  readonly crypto: CryptoBackend<H, K>;
  readonly accessKeyId: string;
  readonly sessionToken: string | undefined;
  readonly expiration: Date | undefined;
  readonly region: string;
  readonly service: string;
  readonly rules: UriRules;
  readonly endpoint: S3Endpoint | undefined;
  readonly forcePathStyle: boolean;
  readonly allowExpiringCredentials: boolean;
  readonly signSessionToken: boolean;
  canonicalUri(wirePath: string): string;
  /** CredentialScope for a dateStamp. */
  scope(dateStamp: string): string;
  /** Hex HMAC of a StringToSign (text, or its bytes) under kSigning for a dateStamp (derived once per UTC date and cached). */
  sign(dateStamp: string, stringToSign: string | Uint8Array): H;
  /** The S3 bucket + key hot path, when the entry point provides one (Node does). */
  readonly keyPath: KeyPath | undefined;
}

/** Signature of the hot path (presign-s3-key.ts); kept abstract so web bundles leave it out. */
export type KeyPath = (
  ctx: SigningContext,
  bucket: string,
  key: string,
  method: string,
  expiresIn: number,
  date: Date,
) => { url: string; canonicalRequest: string; stringToSign: string; signature: string; expiresAt: number };

const CONFIG_KEYS = /* @__PURE__ */ new Set([
  'credentials', 'region', 'service', 'endpoint', 'forcePathStyle', 'allowExpiringCredentials',
  'doubleEncode', 'normalizePath', 'signSessionToken',
]);

/**
 * Derived keys kept across contexts, for one-off calls (each makes a new context): keyed by the
 * caller's credentials object, so the entry dies with that object. An entry is used only when the
 * secret and the scope it was derived for are the ones of this call: another secret, or the same
 * object changed after use, derives afresh. The secret sits in the entry (as it sits in each
 * context's closure), never in a key, a property or a message.
 */
export type KeyMemo<H> = WeakMap<object, [secretAccessKey: string, scope: string, signer: (data: string | Uint8Array) => H]>;

export function createSigningContext<H = string, K = Uint8Array>(
  crypto: CryptoBackend<H, K>,
  config: SignerConfig,
  keyPath?: KeyPath,
  memo?: KeyMemo<H>,
): SigningContext<H, K> {
  const c = checkObject(config, 'options');
  const credentials = checkCredentials(c['credentials']);
  const region = checkRegion(c['region']);
  const service = checkService(orDefault(c['service'], 's3'));
  const flag = (name: string, fallback: boolean): boolean => checkBoolean(c[name], name) ?? fallback;
  // S3 keys are data: no double encoding, no path normalisation. Every other service does both.
  const notS3 = service !== 's3';
  const rules: UriRules = { doubleEncode: flag('doubleEncode', notS3), normalizePath: flag('normalizePath', notS3) };

  // Copy the secret into this closure: a later change to the caller's object cannot make the
  // cache hand out a key derived from another secret.
  const secretAccessKey = credentials.secretAccessKey;
  let cachedDateStamp = '';
  let cachedSigner: ((data: string | Uint8Array) => H) | undefined;
  let cachedScopeDate = '';
  let cachedScope = '';
  const scope = (dateStamp: string): string => {
    if (dateStamp !== cachedScopeDate) {
      cachedScope = credentialScope(dateStamp, region, service);
      cachedScopeDate = dateStamp;
    }
    return cachedScope;
  };

  return {
    crypto,
    accessKeyId: credentials.accessKeyId,
    sessionToken: credentials.sessionToken,
    expiration: credentials.expiration,
    region,
    service,
    rules,
    // Checked in this order, as the properties are written.
    endpoint: resolveEndpoint(c['endpoint']),
    forcePathStyle: flag('forcePathStyle', false),
    allowExpiringCredentials: flag('allowExpiringCredentials', false),
    signSessionToken: flag('signSessionToken', true),
    keyPath,
    canonicalUri: (wirePath) => buildCanonicalUri(wirePath, rules),
    scope,
    sign(dateStamp, stringToSign) {
      // Region, service and access key are fixed for this context, so the UTC date is the whole
      // cache key; a batch that crosses midnight derives the next day's key.
      if (dateStamp !== cachedDateStamp || cachedSigner === undefined) {
        let entry = memo?.get(credentials);
        if (entry?.[0] !== secretAccessKey || entry[1] !== scope(dateStamp)) {
          entry = [secretAccessKey, scope(dateStamp), crypto.hmacHexWith(deriveSigningKey(crypto, secretAccessKey, dateStamp, region, service))];
          memo?.set(credentials, entry);
        }
        cachedSigner = entry[2];
        cachedDateStamp = dateStamp;
      }
      return cachedSigner(stringToSign);
    },
  };
}

/** Rejects option names that are not ours: a typo (`expiresin`) would otherwise be ignored. */
export function checkKnownKeys(options: Record<string, unknown>, allowed: ReadonlySet<string>, field: string): void {
  for (const key of Object.keys(options)) {
    if (!allowed.has(key) && !CONFIG_KEYS.has(key)) {
      throw new SigV4Error('INVALID_ARGUMENT', `${field}.${key}`, `unknown option (a ${describeType(options[key])})`);
    }
  }
}
