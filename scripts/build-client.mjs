// Bundles the enhancement script and the stylesheet into public/ (served under /assets/).
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
