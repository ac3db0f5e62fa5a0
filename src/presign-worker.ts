/**
 * The worker side of presignInWorkers: one signing context, one slice of the batch. Each URL is
 * written into one byte buffer as soon as it is signed, and the buffer plus the URLs' end offsets
 * are transferred (not copied) back. Measured on 400,000 keys: holding the URLs as strings and
 * sending them joined made one worker sign at a third of the main thread's rate (garbage
 * collection of the retained strings, then a copy and a split); bench/README.md has the numbers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createItemSigner, type PresignItem } from './bulk-presign.js';
import { SigV4Error } from './errors.js';
import { nodeCryptoBackend } from './node-crypto-backend.js';
import type { PresignRequest } from './presign.js';
import { presignS3Key, type UrlSink } from './presign-s3-key.js';
import { createSigningContext, type SignerConfig } from './signing-context.js';

/** workerData: what to sign with. */
interface Setup {
  config: SignerConfig;
  defaults: PresignRequest;
}

/** The one message: either the items, or bare keys packed as one string and their lengths. */
interface Job {
  items?: PresignItem[];
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

const setup = workerData as Setup;
parentPort!.once('message', (job: Job) => {
  try {
    const ctx = createSigningContext(nodeCryptoBackend, setup.config, presignS3Key);
    const { write } = createItemSigner(ctx, setup.defaults, () => new Date(), true);
    const count = job.items ? job.items.length : (job.lengths as Uint32Array).length;
    const ends = new Uint32Array(count);
    // About 400 bytes per URL; the sink grows by doubling if that is short.
    const sink: UrlSink = { bytes: new Uint8Array(new ArrayBuffer(count * 420 + 4096)), at: 0 };
    let i = 0;
    for (const item of job.items ?? unpack(job.keys as string, job.lengths as Uint32Array)) {
      write(item, i, sink);
      ends[i++] = sink.at;
    }
    const bytes = sink.bytes;
    parentPort!.postMessage({ ok: true, bytes: bytes.buffer, ends }, [bytes.buffer as ArrayBuffer, ends.buffer]);
  } catch (e) {
    const err = e instanceof SigV4Error ? { code: e.code, field: e.field, message: e.message } : { code: 'INVALID_ARGUMENT', field: 'items', message: String((e as Error)?.message ?? e) };
    parentPort!.postMessage({ ok: false, error: err });
  }
});
