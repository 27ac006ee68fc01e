// Bundles the enhancement script and the stylesheet into public/ (served under /assets/), with
// .br and .gz copies beside them so the server never compresses an asset per request.
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
for (const file of ['public/app.js', 'public/app.css']) {
  const content = readFileSync(file);
  writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
}
