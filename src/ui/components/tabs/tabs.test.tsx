import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allByRole, getByRole, renderToDocument, textOf } from '../../../../test/helpers/dom';
import { Tabs, withoutOrphan } from './tabs';
import { examples } from './tabs.examples';

describe('tabs', () => {
  for (const { name, props } of examples) {
    test(`${name}: a named navigation of links, the selected one marked aria-current="page"`, () => {
      const document = renderToDocument(<Tabs {...props} />);
      const nav = getByRole(document, 'navigation', { name: props.label });
      const links = allByRole(nav, 'link');
      assert.deepEqual(
        links.map((link) => [textOf(link), link.getAttribute('href'), link.getAttribute('aria-current')]),
        props.items.map((item) => [item.label, item.href, item.isCurrent ? 'page' : null]),
      );
      assert.equal(allByRole(nav, 'list').length, 1, 'the tabs are one list');
      assert.equal(nav.querySelectorAll('[aria-current]').length, props.items.filter((item) => item.isCurrent).length);
    });
  }

  test('capitals are a style, never a change of the text that is read', () => {
    const document = renderToDocument(<Tabs {...examples[1].props} />);
    assert.ok(document.querySelector('nav')!.classList.contains('app-tabs--uppercase'));
    assert.ok(getByRole(document, 'link', { name: 'À faire' }));
  });

  test('no word is left alone on a line: a no-break space before the last word of a label', () => {
    const document = renderToDocument(<Tabs {...examples[1].props} />);
    const link = getByRole(document, 'link', { name: 'À faire' });
    assert.equal(link.textContent, 'À\u00a0faire');
    assert.equal(withoutOrphan('Rendez-vous à venir'), 'Rendez-vous à\u00a0venir');
    assert.equal(withoutOrphan('Planifié'), 'Planifié');
  });

  test('no tab selected: no aria-current at all (not aria-current="false")', () => {
    const document = renderToDocument(<Tabs label="Onglets" items={[{ href: '/a', label: 'A', isCurrent: false }]} />);
    assert.equal(document.querySelector('a')!.hasAttribute('aria-current'), false);
  });
});
