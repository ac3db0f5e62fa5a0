/**
 * The web entry against the Node entry: byte-identical results over thousands of generated
 * requests; its bundle imports nothing and touches no Node global; the package's export
 * conditions send each runtime to the right entry.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as node from '../src/node.js';
import * as web from '../src/web.js';
import { createRandom, runSeed } from './helpers/random.js';
import { generateRequest } from './helpers/request-generator.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COUNT = 3000;
const seed = runSeed();
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe(`web entry = Node entry on ${COUNT} generated requests (seed ${seed})`, () => {
  it('presign, signRequest and presignUrls give identical results', async () => {
    const r = createRandom(seed);
    for (let i = 0; i < COUNT; i++) {
      const g = generateRequest(r);
      const base = { credentials: { ...CREDENTIALS, sessionToken: g.sessionToken }, region: g.region, service: g.service, method: g.method, date: g.date, headers: g.headers, query: g.query };
      const target = g.service === 's3' ? { bucket: g.bucket, key: g.key, forcePathStyle: true } : { url: `https://${g.host}${g.wirePath}`, body: g.body };
      const context = `case ${i}, seed ${seed}`;
      expect(await web.presign({ ...base, ...target, expiresIn: g.expiresIn }), context).toEqual(node.presign({ ...base, ...target, expiresIn: g.expiresIn }));
      expect(await web.signRequest({ ...base, ...target }), context).toEqual(node.signRequest({ ...base, ...target }));
      if (g.service === 's3' && i % 10 === 0) {
        const config = { credentials: base.credentials, region: g.region, forcePathStyle: true };
        const defaults = { bucket: g.bucket, date: g.date, expiresIn: g.expiresIn, method: g.method };
        const keys = [g.key, g.key + 'x', ''];
        expect(await web.createPresigner(config).presignUrls(keys, defaults), context).toEqual(node.createPresigner(config).presignUrls(keys, defaults));
      }
    }
    // Web Crypto: every case derives its key afresh (new credentials object), a few ms per case on a busy machine.
  }, 120_000);
});

async function bundle(code: string, conditions: string[]) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    conditions,
    mainFields: ['module', 'main'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports);
  return { text, imports, gzip: gzipSync(text, { level: 9 }).length };
}

describe('the web bundle', () => {
  it('imports nothing and uses no Node global', async () => {
    const { text, imports } = await bundle(`export * from './dist/web.js';`, ['workerd', 'worker', 'browser']);
    expect(imports).toEqual([]);
    expect(text).not.toMatch(/node:/);
    expect(text).not.toMatch(/\bBuffer\b/);
    expect(text).not.toMatch(/\bprocess\b/);
    expect(text).not.toMatch(/\brequire\s*\(/);
  });

  it('stays within its size budget (export { presign } from sigv4/web, minified + gzip -9)', async () => {
    const { gzip, text } = await bundle(`export { presign } from './dist/web.js';`, ['workerd', 'worker', 'browser']);
    console.log(`sigv4/web presign bundle: ${text.length} B minified, ${gzip} B gzipped`);
    // Regression guard just above the measured 5,841 B (README, "Size"). The goal of
    // 2,500 B is NOT met: see the README for where the bytes go.
    expect(gzip).toBeLessThanOrEqual(5900);
  });
});

describe('package exports', () => {
  const probe = `import('sigv4').then(async (m) => { const r = m.presign({ credentials: { accessKeyId: 'A', secretAccessKey: 'S' }, region: 'us-east-1', bucket: 'b-1', key: 'k', date: new Date(0) }); console.log(r instanceof Promise ? 'web' : 'node'); })`;
  it.each([
    [[], 'node'],
    [['--conditions=workerd'], 'web'],
    [['--conditions=worker'], 'web'],
    [['--conditions=browser'], 'web'],
    [['--conditions=edge-light'], 'web'],
    [['--conditions=deno'], 'web'],
    [['--conditions=bun'], 'web'],
  ])('node %j resolves sigv4 to the %s entry', (flags, entry) => {
    const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe(entry);
  });

  it('sigv4/web and sigv4/node are importable by name', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const w = await import('sigv4/web'); const n = await import('sigv4/node'); console.log(typeof w.presign, typeof n.presignInWorkers, JSON.parse(${JSON.stringify(JSON.stringify(readFileSync(ROOT + 'package.json', 'utf8').length))}) > 0)`], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe('function function true');
  });
});
