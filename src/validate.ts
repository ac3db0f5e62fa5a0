/**
 * Input checks. Each names the field it checks and throws SigV4Error; none prints a secret.
 */
import { MAX_EXPIRES_IN } from './constants.js';
import { SigV4Error, describeSecret, describeType, describeValue } from './errors.js';

/** RFC 9110 token: method and header names. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** AWS region names: lower-case letters, digits and single hyphens (us-east-1, cn-north-1, auto). */
const REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** AWS signing names: s3, execute-api, s3-object-lambda, es … */
const SERVICE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Access key ids are printable ASCII; '/' would break the Credential field. */
const ACCESS_KEY_ID = /^[\x21-\x2e\x30-\x7e]+$/;
const CR_OR_LF = /[\r\n]/;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  /** When temporary credentials stop working. */
  readonly expiration?: Date | undefined;
}

export function checkCredentials(credentials: unknown): Credentials {
  if (credentials === null || typeof credentials !== 'object') {
    throw new SigV4Error('INVALID_CREDENTIALS', 'credentials', `expected an object with accessKeyId and secretAccessKey, got ${describeType(credentials)}`);
  }
  const c = credentials as Record<string, unknown>;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = c;
  if (typeof accessKeyId !== 'string' || accessKeyId === '') {
    throw new SigV4Error('INVALID_CREDENTIALS', 'credentials.accessKeyId', `expected a non-empty string, got ${describeSecret(accessKeyId)}`);
  }
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    throw new SigV4Error('INVALID_CREDENTIALS', 'credentials.accessKeyId', `expected printable ASCII without '/' or spaces, got a string of length ${accessKeyId.length}`);
  }
  if (typeof secretAccessKey !== 'string' || secretAccessKey === '') {
    throw new SigV4Error('INVALID_CREDENTIALS', 'credentials.secretAccessKey', `expected a non-empty string, got ${describeSecret(secretAccessKey)}`);
  }
  if (!secretAccessKey.isWellFormed()) {
    throw new SigV4Error('INVALID_CREDENTIALS', 'credentials.secretAccessKey', `expected a string without lone UTF-16 surrogates, got a string of length ${secretAccessKey.length}`);
  }
  if (sessionToken !== undefined) {
    if (typeof sessionToken !== 'string' || sessionToken === '') {
      throw new SigV4Error('INVALID_CREDENTIALS', 'credentials.sessionToken', `expected a non-empty string or undefined, got ${describeSecret(sessionToken)}`);
    }
    if (CONTROL.test(sessionToken) || !sessionToken.isWellFormed()) {
      throw new SigV4Error('INVALID_CREDENTIALS', 'credentials.sessionToken', `expected no control characters or lone surrogates, got a string of length ${sessionToken.length}`);
    }
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
    throw new SigV4Error('INVALID_DATE', field, `expected a valid Date, got ${date instanceof Date ? 'Invalid Date' : describeValue(date)}`);
  }
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) {
    throw new SigV4Error('INVALID_DATE', field, `expected a year of four digits, got ${year}`);
  }
  return date;
}

export function checkExpiresIn(expiresIn: unknown): number {
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_IN) {
    throw new SigV4Error('INVALID_EXPIRES_IN', 'expiresIn', `expected an integer number of seconds in 1..${MAX_EXPIRES_IN}, got ${describeValue(expiresIn)}`);
  }
  return expiresIn;
}

export function checkRegion(region: unknown): string {
  if (typeof region !== 'string' || !REGION.test(region) || region.length > 64) {
    throw new SigV4Error('INVALID_REGION', 'region', `expected an AWS region name such as "us-east-1", got ${describeValue(region)}`);
  }
  return region;
}

export function checkService(service: unknown): string {
  if (typeof service !== 'string' || !SERVICE.test(service) || service.length > 64) {
    throw new SigV4Error('INVALID_SERVICE', 'service', `expected an AWS signing name such as "s3", got ${describeValue(service)}`);
  }
  return service;
}

export function checkMethod(method: unknown): string {
  if (typeof method !== 'string' || !TOKEN.test(method)) {
    throw new SigV4Error('INVALID_METHOD', 'method', `expected an HTTP method token such as "GET", got ${describeValue(method)}`);
  }
  return method;
}

export function checkHeaderName(name: string): void {
  if (!TOKEN.test(name)) {
    throw new SigV4Error('INVALID_HEADER', `headers.${name}`, `expected a header name that is an HTTP token, got ${describeValue(name)}`);
  }
}

export function checkHeaderValue(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new SigV4Error('INVALID_HEADER', `headers.${name}`, `expected a string value, got ${describeType(value)}`);
  }
  if (CR_OR_LF.test(value) || value.includes('\0')) {
    throw new SigV4Error('INVALID_HEADER', `headers.${name}`, 'expected a value without CR, LF or NUL');
  }
  if (!value.isWellFormed()) {
    throw new SigV4Error('INVALID_HEADER', `headers.${name}`, 'expected a value without lone UTF-16 surrogates');
  }
  return value;
}

export function checkString(value: unknown, field: string, code: 'INVALID_KEY' | 'INVALID_BUCKET' | 'INVALID_URL' | 'INVALID_ARGUMENT'): string {
  if (typeof value !== 'string') {
    throw new SigV4Error(code, field, `expected a string, got ${describeType(value)}`);
  }
  if (!value.isWellFormed()) {
    throw new SigV4Error(code, field, 'expected a string without lone UTF-16 surrogates (they have no UTF-8 form)');
  }
  return value;
}

export function checkBoolean(value: unknown, field: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new SigV4Error('INVALID_ARGUMENT', field, `expected a boolean, got ${describeType(value)}`);
  }
  return value;
}

export function checkObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SigV4Error('INVALID_ARGUMENT', field, `expected an object, got ${describeType(value)}`);
  }
  // A Map or URLSearchParams has no own keys: read as a record, its entries would vanish unsigned.
  if (Symbol.iterator in value) {
    throw new SigV4Error('INVALID_ARGUMENT', field, 'expected a plain object, got an iterable object (Map, URLSearchParams …)');
  }
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
