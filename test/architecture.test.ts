import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/** The dependency rules of ARCHITECTURE.md §4 and STYLE.md, checked on every run. */
function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const files = sourceFiles('src');
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] }));

test('only repositories and src/db/ run queries: nothing else imports a value from kysely', () => {
  const offenders = files.filter((file) => {
    if (file.startsWith(path.join('src', 'db') + path.sep) || file.endsWith('.repository.ts')) return false;
    return importsOf(file).some((i) => i.from === 'kysely' && !i.typeOnly);
  });
  assert.deepEqual(offenders, []);
});

test('routes and views never import a repository: they go through services', () => {
  const offenders = files.filter((file) => {
    const isRouteOrView = file.endsWith('.routes.tsx') || file.endsWith('.routes.ts') || file.includes(`${path.sep}views${path.sep}`) || file.startsWith(path.join('src', 'ui'));
    return isRouteOrView && importsOf(file).some((i) => i.from.endsWith('.repository'));
  });
  assert.deepEqual(offenders, []);
});

test('services know nothing of HTTP: no fastify import', () => {
  const offenders = files.filter((file) => file.endsWith('.service.ts') && importsOf(file).some((i) => i.from === 'fastify' || i.from.startsWith('@fastify/')));
  assert.deepEqual(offenders, []);
});

test('a module reads another module’s tables only through its services', () => {
  const moduleOf = (file: string) => /src[\\/]modules[\\/]([^\\/]+)/.exec(file)?.[1];
  const offenders = files.flatMap((file) => {
    const own = moduleOf(file);
    if (!own || file.endsWith('.seed.ts')) return [];
    return importsOf(file)
      .filter((i) => i.from.endsWith('.repository') && i.from.startsWith('../'))
      .map((i) => path.normalize(path.join(path.dirname(file), i.from)))
      .filter((target) => moduleOf(target) && moduleOf(target) !== own)
      .map((target) => `${file} → ${target}`);
  });
  assert.deepEqual(offenders, []);
});
