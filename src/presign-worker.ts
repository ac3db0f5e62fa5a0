/**
 * The worker side of presignInWorkers: one presigner, one slice of the batch, URLs back as one
 * newline-joined string (a URL never holds a raw newline; one string crosses the thread boundary
 * far cheaper than an array of them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SigV4Error } from './errors.js';
import { createPresigner } from './node.js';

type Items = Parameters<ReturnType<typeof createPresigner>['presignUrls']>[0];
interface Job {
  config: Parameters<typeof createPresigner>[0];
  defaults: Parameters<ReturnType<typeof createPresigner>['presignUrls']>[1];
  /** Either the items, or bare keys packed as one string and their lengths. */
  items?: Items;
  keys?: string;
  lengths?: Uint32Array;
}

function* unpack(keys: string, lengths: Uint32Array): Generator<string> {
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = at + (lengths[i] as number);
    yield keys.slice(at, end);
    at = end;
  }
}

const job = workerData as Job;
const { config, defaults } = job;
try {
  const items: Items = job.items ?? [...unpack(job.keys as string, job.lengths as Uint32Array)];
  const urls = createPresigner(config).presignUrls(items, defaults);
  parentPort!.postMessage({ ok: true, urls: urls.join('\n') });
} catch (e) {
  const err = e instanceof SigV4Error ? { code: e.code, field: e.field, message: e.message } : { code: 'INVALID_ARGUMENT', field: 'items', message: String((e as Error)?.message ?? e) };
  parentPort!.postMessage({ ok: false, error: err });
}
