/**
 * The one error type of sigv4. `code` is stable (callers `switch` on it); `field` names the
 * offending input. Messages say what was expected and what arrived, and for a secret only its
 * type and length: a secret key or session token never appears in a message.
 */
export type SigV4ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_DATE'
  | 'INVALID_EXPIRES_IN'
  | 'INVALID_REGION'
  | 'INVALID_SERVICE'
  | 'INVALID_METHOD'
  | 'INVALID_URL'
  | 'INVALID_BUCKET'
  | 'INVALID_KEY'
  | 'INVALID_HEADER'
  | 'INVALID_QUERY'
  | 'INVALID_BODY'
  | 'CONFLICTING_INPUT'
  | 'MISSING_INPUT'
  | 'CREDENTIALS_EXPIRE_TOO_SOON';

export class SigV4Error extends Error {
  declare readonly code: SigV4ErrorCode;
  declare readonly field: string;
  constructor(code: SigV4ErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'SigV4Error';
    this.code = code;
    this.field = field;
  }
}

/**
 * Throws the usual message, `expected <what>[, got <got>]`: one helper for every input check, so
 * each check is one short line (the size budget of the web entry).
 */
export function fail(code: SigV4ErrorCode, field: string, expected: string, got?: string): never {
  throw new SigV4Error(code, field, 'expected ' + expected + (got === undefined ? '' : ', got ' + got));
}

/** Describes a value for an error message without ever showing a string's content. */
export function describeSecret(value: unknown): string {
  return typeof value === 'string' ? 'string of length ' + value.length : describeType(value);
}

/** Describes a non-secret value briefly: its type only. */
export function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : value instanceof Date ? 'Date' : typeof value;
}

/** Describes a non-secret value: a string (up to 80 characters) or number as such, else its type. */
export function describeValue(value: unknown): string {
  const type = typeof value;
  return type === 'string'
    ? JSON.stringify((value as string).length > 80 ? (value as string).slice(0, 80) + '…' : value)
    : type === 'number' || type === 'boolean' || type === 'bigint'
      ? type + ' ' + String(value)
      : describeType(value);
}
