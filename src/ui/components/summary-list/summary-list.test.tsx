import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allByRole, renderToDocument, textOf } from '../../../../test/helpers/dom';
import { SummaryList, type SummaryListRow } from './summary-list';
import { examples } from './summary-list.examples';

describe('summary list', () => {
  for (const { name, props } of examples) {
    test(`${name}: one term and its definition per row, in order; skipped rows leave no trace`, () => {
      const document = renderToDocument(<SummaryList {...props} />);
      const rows = props.rows.filter(Boolean) as SummaryListRow[];
      const dl = document.querySelector('dl')!;
      assert.ok(dl);
      assert.deepEqual(
        allByRole(dl, 'term').map(textOf),
        rows.map((row) => row.key),
      );
      // Every <dt> is followed by its value; each row is a <div> directly in the <dl>.
      const groups = [...dl.children];
      assert.equal(groups.length, rows.length);
      for (const group of groups) {
        assert.equal(group.tagName, 'DIV');
        assert.equal(group.children[0].tagName, 'DT');
        assert.equal(group.children[1].tagName, 'DD');
      }
    });
  }

  test('an action link says which row it changes, for screen readers, while showing « Modifier »', () => {
    const document = renderToDocument(<SummaryList {...examples[1].props} />);
    const links = allByRole(document, 'link');
    assert.deepEqual(links.map(textOf), ['Modifier la date', 'Modifier le mode']);
    assert.equal(textOf(links[0].querySelector('.app-visually-hidden')), 'la date');
    assert.equal(links[0].getAttribute('href'), '/agent/rendez-vous/7/modifier#date');
    // The row without an action has no empty cell.
    const lastRow = document.querySelectorAll('.app-summary-list__row')[2];
    assert.equal(lastRow.querySelectorAll('dd').length, 1);
  });

  test('a value keeps its markup (a <time> with its machine-readable date, several lines)', () => {
    const document = renderToDocument(<SummaryList {...examples[0].props} />);
    assert.equal(document.querySelector('time')!.getAttribute('datetime'), '2026-12-03');
    assert.equal(document.querySelectorAll('.app-summary-list__line').length, 2);
  });
});
