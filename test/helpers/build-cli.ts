/**
 * Bundles the `sigv4` command the way `npm run build` does (src/bin.ts with the package's esbuild
 * flags) into a fresh temporary folder, with package.json beside dist/ because --version reads
 * ../package.json from the bundle. Tests run that copy, so a stale or partial dist/ never decides
 * their result.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function bundleCli(prefix: string): Promise<{ dir: string; bin: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  await build({
    entryPoints: ['src/node.ts', 'src/bin.ts'].map((p) => join(ROOT, p)),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    external: ['node:*'],
    outdir: join(dir, 'dist'),
    chunkNames: 'shared-[hash]',
    logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return { dir, bin: join(dir, 'dist', 'bin.js') };
}
