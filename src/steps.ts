/**
 * The core's signing functions are generators that yield each crypto result they wait for (a
 * digest or a signature) and get its hex text back. A synchronous backend's results are strings
 * and `runSync` hands them straight back; the web entry awaits Web Crypto's Promises instead
 * (web.ts). One core, both calling conventions, no duplicated signing code.
 */
export type Steps<H, T> = Generator<H, T, string>;

export function runSync<T>(steps: Steps<string, T>): T {
  let r = steps.next('');
  while (!r.done) r = steps.next(r.value);
  return r.value;
}

export async function runAsync<T>(steps: Steps<Promise<string>, T>): Promise<T> {
  let r = steps.next('');
  while (!r.done) r = steps.next(await r.value);
  return r.value;
}
