import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getByRole, renderToDocument, textOf } from '../../../../test/helpers/dom';
import { EmptyState } from './empty-state';
import { examples } from './empty-state.examples';
import { EmptyState as FromForm } from '../form';

describe('empty state', () => {
  for (const { name, props } of examples) {
    test(`${name}: one paragraph with the sentence, nothing to interact with`, () => {
      const document = renderToDocument(<EmptyState {...props} />);
      const paragraph = getByRole(document, 'paragraph');
      assert.equal(textOf(paragraph), props.children);
      assert.equal(document.querySelectorAll('a, button, [tabindex]').length, 0);
    });
  }

  test('the old import from form.tsx is the same component', () => {
    assert.equal(FromForm, EmptyState);
  });
});
