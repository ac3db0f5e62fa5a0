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
  readonly code: SigV4ErrorCode;
  readonly field: string;
  constructor(code: SigV4ErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'SigV4Error';
    this.code = code;
    this.field = field;
  }
}

/** Describes a value for an error message without ever showing a string's content. */
export function describeSecret(value: unknown): string {
  if (typeof value === 'string') return `string of length ${value.length}`;
  return describeType(value);
}

/** Describes a non-secret value briefly: its type, and for short strings the value itself. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'Date';
  return typeof value;
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? value.slice(0, 80) + '…' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return describeType(value);
}
