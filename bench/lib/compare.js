/**
 * The guard rail before timing (issue 3): an implementation is timed only when, for every sample
 * key, its URL carries the same X-Amz-Signature as sigv4's, the same scheme, host and path bytes,
 * and the same query parameters once decoded (order and percent-encoding style may differ: aws4
 * and the SDKs order parameters differently, aws4fetch writes the query form-encoded).
 */

/** `name=value` pairs of a URL's query, decoded as application/x-www-form-urlencoded would not be: '+' stays '+'. */
function decodePairs(query) {
  if (query === '') return [];
  return query.split('&').map((p) => {
    const i = p.indexOf('=');
    const name = i === -1 ? p : p.slice(0, i);
    const value = i === -1 ? '' : p.slice(i + 1);
    return [decodeURIComponent(name), decodeURIComponent(value)];
  });
}

function splitUrl(url) {
  const q = url.indexOf('?');
  return q === -1 ? { base: url, query: '' } : { base: url.slice(0, q), query: url.slice(q + 1) };
}

function signatureOf(url) {
  const m = /[?&]X-Amz-Signature=([0-9a-f]{64})(?:&|$)/.exec(url);
  return m ? m[1] : undefined;
}

/**
 * Compares `urls` (the implementation's, one per sample key) with `reference` (sigv4's).
 * `formEncodedQuery`: the query was written as application/x-www-form-urlencoded (a '+' there is a
 * space), as URLSearchParams does.
 * Returns { ok, identical, problems: string[] } where `identical` counts byte-identical URLs.
 */
export function compareUrls(keys, urls, reference, { formEncodedQuery = false } = {}) {
  const problems = [];
  let identical = 0;
  if (!Array.isArray(urls) || urls.length !== reference.length) {
    return { ok: false, identical: 0, problems: [`expected ${reference.length} sample URLs, got ${Array.isArray(urls) ? urls.length : typeof urls}`] };
  }
  for (let i = 0; i < reference.length; i++) {
    const got = String(urls[i]);
    const want = reference[i];
    const key = JSON.stringify(keys[i]);
    if (got === want) {
      identical++;
      continue;
    }
    const gs = signatureOf(got);
    const ws = signatureOf(want);
    if (gs !== ws) {
      problems.push(`key ${key}: X-Amz-Signature ${gs ?? '(none)'} instead of ${ws}\n      got  ${got}\n      want ${want}`);
      continue;
    }
    const g = splitUrl(got);
    const w = splitUrl(want);
    if (g.base !== w.base) {
      problems.push(`key ${key}: same signature but another scheme/host/path: ${g.base} instead of ${w.base}`);
      continue;
    }
    let gp;
    try {
      gp = decodePairs(formEncodedQuery ? g.query.replace(/\+/g, '%20') : g.query);
    } catch (e) {
      problems.push(`key ${key}: query does not decode (${e.message}): ${g.query}`);
      continue;
    }
    const norm = (pairs) => pairs.map(([n, v]) => `${n}=${v}`).sort().join('\n');
    if (norm(gp) !== norm(decodePairs(w.query))) {
      problems.push(`key ${key}: same signature but other query parameters:\n      got  ${g.query}\n      want ${w.query}`);
    }
  }
  return { ok: problems.length === 0, identical, problems };
}
