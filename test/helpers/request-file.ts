/**
 * A hand-written reader for the suites' request files (`.req`, `request.txt`). They are not valid
 * HTTP (raw spaces and UTF-8 in the path, obs-fold lines), so no HTTP parser may read them.
 */
export interface RequestFile {
  method: string;
  path: string;
  query: string;
  host: string;
  headers: Array<[string, string]>;
  body: string;
}

export function parseRequestFile(text: string): RequestFile {
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text.replace(/\n$/, '') : text.slice(0, blank);
  const body = blank === -1 ? '' : text.slice(blank + 2);
  const lines = head.split('\n');
  const requestLine = lines.shift() as string;
  // "GET /path with spaces?query HTTP/1.1": the target is everything between the first space and
  // the last space.
  const firstSpace = requestLine.indexOf(' ');
  const lastSpace = requestLine.lastIndexOf(' ');
  const method = requestLine.slice(0, firstSpace);
  const target = requestLine.slice(firstSpace + 1, lastSpace);
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      // obs-fold (RFC 9112 5.2): the fold and its leading whitespace become one space.
      const last = headers[headers.length - 1] as [string, string];
      last[1] = `${last[1]} ${line.replace(/^[ \t]+/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  const hostHeader = headers.find(([n]) => n.toLowerCase() === 'host');
  if (!hostHeader) throw new Error('request file without Host header');
  return { method, path, query, host: hostHeader[1].trim(), headers, body };
}

/** 20150830T123600Z from 2015-08-30T12:36:00Z, and back. */
export function dateFromAmzDate(amzDate: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) throw new Error(`not an amzDate: ${amzDate}`);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}
