import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allByRole, renderToDocument, textOf } from '../../../../test/helpers/dom';
import { Notice } from './notice';
import { examples } from './notice.examples';

describe('notice', () => {
  for (const { name, props } of examples) {
    test(`${name}: announced as ${props.isUrgent ? 'an alert' : 'a polite status'}, with its text`, () => {
      const document = renderToDocument(<Notice {...props} />);
      const expectedRole = props.isUrgent ? 'alert' : 'status';
      const [notice, ...others] = [...allByRole(document, 'status'), ...allByRole(document, 'alert')];
      assert.equal(others.length, 0, 'exactly one live region');
      assert.equal(notice.getAttribute('role'), expectedRole);
      assert.equal(textOf(notice), props.children);
      assert.ok(notice.classList.contains(`app-notice--${props.kind ?? 'info'}`));
    });
  }
});
