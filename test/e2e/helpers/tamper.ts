/**
 * Edits of a presigned URL as an attacker (or a broken proxy) would make them: on the raw
 * string, so nothing but the intended part changes.
 */

/** The raw (still encoded) value of query parameter `name`. */
export function queryParam(url: string, name: string): string {
  const query = url.slice(url.indexOf('?') + 1);
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  throw new Error(`${name} not in ${url}`);
}

/** The URL with query parameter `name`'s raw value replaced (or the parameter removed, with null). */
export function withQueryParam(url: string, name: string, value: string | null): string {
  const q = url.indexOf('?');
  let found = false;
  const pairs = url
    .slice(q + 1)
    .split('&')
    .flatMap((pair) => {
      if (pair.slice(0, pair.indexOf('=')) !== name) return [pair];
      found = true;
      return value === null ? [] : [`${name}=${value}`];
    });
  if (!found) throw new Error(`${name} not in ${url}`);
  return `${url.slice(0, q)}?${pairs.join('&')}`;
}

/** `s` with the character at `index` replaced by a different one of the same alphabet. */
export function flipChar(s: string, index: number, alphabet = '0123456789abcdef'): string {
  const i = index < 0 ? s.length + index : index;
  const c = s[i] as string;
  const at = alphabet.indexOf(c);
  const other = alphabet[(at + 1) % alphabet.length] as string;
  return s.slice(0, i) + other + s.slice(i + 1);
}

/** The URL with its path (between authority and `?`) replaced. */
export function withPath(url: string, path: string): string {
  const m = /^(http:\/\/[^/]+)[^?]*(\?.*)$/.exec(url);
  if (m === null) throw new Error(`unexpected URL ${url}`);
  return `${m[1]}${path}${m[2]}`;
}

/** An X-Amz-Date value moved by `seconds`. */
export function shiftAmzDate(amzDate: string, seconds: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (m === null) throw new Error(`not an X-Amz-Date: ${amzDate}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s) + seconds * 1000);
  return t.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
