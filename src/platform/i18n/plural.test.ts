import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pluralForm } from './plural';

test('French takes the singular for 0 and 1, English for 1 alone', () => {
  assert.deepEqual(
    [0, 1, 2, 1.5].map((n) => pluralForm('fr', n)),
    ['one', 'one', 'other', 'one'],
  );
  assert.deepEqual(
    [0, 1, 2, 1.5].map((n) => pluralForm('en', n)),
    ['other', 'one', 'other', 'other'],
  );
});

test('a category the catalogues do not spell (French « many », for millions) reads as other', () => {
  assert.equal(pluralForm('fr', 1_000_000), 'other');
  assert.equal(pluralForm('fr', 12), 'other');
});
