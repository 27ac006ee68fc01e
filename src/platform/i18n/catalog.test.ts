import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogs } from './catalog';

test('French and English catalogues have exactly the same keys, none empty', () => {
  const fr = Object.keys(catalogs.fr).sort();
  const en = Object.keys(catalogs.en).sort();
  assert.deepEqual(en, fr);
  for (const locale of ['fr', 'en'] as const) {
    for (const [key, text] of Object.entries(catalogs[locale])) {
      assert.ok(text.trim().length > 0, `${locale}.${key} is empty`);
    }
  }
});
