import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { getByRole, renderToDocument, textOf } from '../../../../test/helpers/dom';
import { StatusTag } from './status-tag';
import { examples } from './status-tag.examples';

describe('status tag', () => {
  for (const { name, props } of examples) {
    test(`${name}: the status in words, emphasised, its tone only a class`, () => {
      const document = renderToDocument(<StatusTag {...props} />);
      const tag = getByRole(document, 'strong');
      assert.equal(textOf(tag), props.children);
      assert.ok(tag.classList.contains(`app-status-tag--${props.tone}`));
    });
  }

  test('every tone has dark text on a light background with a contrast of at least 4.5:1', () => {
    const css = readFileSync(new URL('./status-tag.css', import.meta.url), 'utf8');
    const tones = [...css.matchAll(/\.app-status-tag--(\w+) \{ color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6}); \}/g)];
    assert.deepEqual(
      tones.map((m) => m[1]),
      ['neutral', 'info', 'success', 'warning', 'danger'],
    );
    for (const [, tone, text, background] of tones) {
      const ratio = contrast(text, background);
      assert.ok(ratio >= 4.5, `${tone}: ${ratio.toFixed(2)}:1`);
    }
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
