// Bundles the enhancement script and the stylesheet into public/ (served under /assets/), with
// .br and .gz copies beside them so the server never compresses an asset per request.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/ui/client/main.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outfile: 'public/app.js',
  logLevel: 'warning',
});
await build({
  entryPoints: ['src/ui/css/app.css'],
  bundle: true,
  minify: true,
  outfile: 'public/app.css',
  logLevel: 'warning',
});
// The service worker (served at /sw.js by src/modules/pwa/): its version is a digest of the shell
// it keeps, so each build that changes them is a new worker that refreshes its copies.
const shell = createHash('sha256');
for (const file of ['public/app.js', 'public/app.css', 'src/modules/pwa/icons/icon-192.png', 'src/modules/pwa/icons/icon-512.png', 'src/modules/pwa/pwa.routes.ts']) shell.update(readFileSync(file));
await build({
  entryPoints: ['src/ui/client/sw.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: 'public/sw.js',
  define: { SHELL_VERSION: JSON.stringify(shell.digest('hex').slice(0, 16)) },
  logLevel: 'warning',
});
for (const file of ['public/app.js', 'public/app.css']) {
  const content = readFileSync(file);
  writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
}
