import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// The browser's own `[hidden] { display: none }` loses to any class that sets `display`: without
// this rule « Imprimer » (hidden until the script starts it) showed, dead, to people without
// JavaScript, and so did the session dialog's « Se reconnecter » (test/e2e/rare-visits.test.ts
// looks at the button in a browser).
test('base.css makes the hidden attribute win over every class', () => {
  const css = readFileSync(new URL('./base.css', import.meta.url), 'utf8');
  assert.match(css, /^\[hidden\] \{ display: none !important; \}$/m);
});
