/**
 * Input checks. Each names the field it checks and throws SigV4Error (through `fail`: `expected
 * X, got Y`); none prints a secret.
 */
import { MAX_EXPIRES_IN } from './constants.js';
import { SigV4Error, type SigV4ErrorCode, describeSecret, describeType, describeValue, fail } from './errors.js';

/** RFC 9110 token: method and header names. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** AWS region and signing names: lower-case letters, digits and single hyphens, at most 64 (us-east-1, s3-object-lambda). */
const AWS_NAME = /^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/;
/** Access key ids are printable ASCII; '/' would break the Credential field. */
const ACCESS_KEY_ID = /^[\x21-\x2e\x30-\x7e]+$/;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const CR_LF_NUL = /[\r\n\0]/;
export const NO_SURROGATES = 'without lone UTF-16 surrogates';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  /** When temporary credentials stop working. */
  readonly expiration?: Date | undefined;
}

/** A secret-ish credential string: non-empty, then `ok`; messages give only type and length. */
function checkCredential(value: unknown, name: string, orUndefined: string, ok: (s: string) => boolean, expected: string): void {
  const field = 'credentials.' + name;
  if (typeof value !== 'string' || value === '') fail('INVALID_CREDENTIALS', field, 'a non-empty string' + orUndefined, describeSecret(value));
  if (!ok(value)) fail('INVALID_CREDENTIALS', field, expected, 'a string of length ' + value.length);
}

export function checkCredentials(credentials: unknown): Credentials {
  if (credentials === null || typeof credentials !== 'object') {
    fail('INVALID_CREDENTIALS', 'credentials', 'an object with accessKeyId and secretAccessKey', describeType(credentials));
  }
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials as Record<string, unknown>;
  checkCredential(accessKeyId, 'accessKeyId', '', (s) => ACCESS_KEY_ID.test(s), "printable ASCII without '/' or spaces");
  checkCredential(secretAccessKey, 'secretAccessKey', '', (s) => s.isWellFormed(), 'a string ' + NO_SURROGATES);
  if (sessionToken !== undefined) {
    checkCredential(sessionToken, 'sessionToken', ' or undefined', (s) => !CONTROL.test(s) && s.isWellFormed(), 'no control characters or lone surrogates');
  }
  if (expiration !== undefined) checkDate(expiration, 'credentials.expiration');
  return credentials as Credentials;
}

/** `undefined` means "not given"; `null` is a value, and an invalid one wherever it is checked. */
export function orDefault(value: unknown, fallback: unknown): unknown {
  return value === undefined ? fallback : value;
}

export function checkDate(date: unknown, field: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    fail('INVALID_DATE', field, 'a valid Date', date instanceof Date ? 'Invalid Date' : describeValue(date));
  }
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) fail('INVALID_DATE', field, 'a year of four digits', String(year));
  return date;
}

export function checkExpiresIn(expiresIn: unknown): number {
  if (!Number.isInteger(expiresIn) || (expiresIn as number) < 1 || (expiresIn as number) > MAX_EXPIRES_IN) {
    fail('INVALID_EXPIRES_IN', 'expiresIn', 'an integer number of seconds in 1..' + MAX_EXPIRES_IN, describeValue(expiresIn));
  }
  return expiresIn as number;
}

/** A string that matches `pattern`, else `expected <what>, got <the value>`. */
export function checkMatch(value: unknown, pattern: RegExp, code: SigV4ErrorCode, field: string, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) fail(code, field, what, describeValue(value));
  return value;
}

export function checkRegion(region: unknown): string {
  return checkMatch(region, AWS_NAME, 'INVALID_REGION', 'region', 'an AWS region name such as "us-east-1"');
}

export function checkService(service: unknown): string {
  return checkMatch(service, AWS_NAME, 'INVALID_SERVICE', 'service', 'an AWS signing name such as "s3"');
}

export function checkMethod(method: unknown): string {
  return checkMatch(method, TOKEN, 'INVALID_METHOD', 'method', 'an HTTP method token such as "GET"');
}

export function checkHeaderName(name: string): void {
  checkMatch(name, TOKEN, 'INVALID_HEADER', 'headers.' + name, 'a header name that is an HTTP token');
}

export function checkHeaderValue(name: string, value: unknown): string {
  const field = 'headers.' + name;
  if (typeof value !== 'string') fail('INVALID_HEADER', field, 'a string value', describeType(value));
  if (CR_LF_NUL.test(value)) fail('INVALID_HEADER', field, 'a value without CR, LF or NUL');
  if (!value.isWellFormed()) fail('INVALID_HEADER', field, 'a value ' + NO_SURROGATES);
  return value;
}

export function checkString(value: unknown, field: string, code: 'INVALID_KEY' | 'INVALID_BUCKET' | 'INVALID_URL' | 'INVALID_ARGUMENT'): string {
  if (typeof value !== 'string') fail(code, field, 'a string', describeType(value));
  if (!value.isWellFormed()) fail(code, field, 'a string ' + NO_SURROGATES + ' (they have no UTF-8 form)');
  return value;
}

export function checkBoolean(value: unknown, field: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') fail('INVALID_ARGUMENT', field, 'a boolean', describeType(value));
  return value;
}

export function checkObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('INVALID_ARGUMENT', field, 'an object', describeType(value));
  // A Map or URLSearchParams has no own keys: read as a record, its entries would vanish unsigned.
  if (Symbol.iterator in value) fail('INVALID_ARGUMENT', field, 'a plain object', 'an iterable object (Map, URLSearchParams …)');
  return value as Record<string, unknown>;
}

/** The URL must not die after the credentials do, unless the caller says so. */
export function checkExpiration(expiration: Date | undefined, expiresAt: Date, allow: boolean | undefined): void {
  if (expiration === undefined || allow === true) return;
  if (expiration.getTime() < expiresAt.getTime()) {
    throw new SigV4Error(
      'CREDENTIALS_EXPIRE_TOO_SOON',
      'credentials.expiration',
      `the credentials expire at ${expiration.toISOString()}, before the URL would (${expiresAt.toISOString()}); ` +
        'sign with a shorter expiresIn, refresh the credentials, or pass allowExpiringCredentials: true',
    );
  }
}
