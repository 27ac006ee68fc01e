import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { typographyProblems, visibleText } from '../../../test/helpers/page-text';
import { addFatou } from '../../../test/helpers/work-queue';

// Tuesday 1 December 2026, 10:00 in Québec.
const START = new Date('2026-12-01T15:00:00Z');

const documentOf = (html: string) => parseHTML(html).document;
const rows = (html: string) => [...documentOf(html).querySelectorAll('.app-work-queue tbody tr')].map((row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '');
const rowOf = (html: string, name: string) => [...documentOf(html).querySelectorAll('.app-work-queue tbody tr')].find((row) => row.querySelector('th')?.textContent?.includes(name));

describe(`« Ma file de travail » page (${dialectName})`, () => {
  test('counts per kind as links, filters in the URL (a GET form), age, flags, and the link to where the work is done', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    const fatou = await addFatou(database.db, demo, START);
    const marie = await client('marie.tremblay@example.com');
    const page = (await marie.get('/espace')).body;
    const doc = documentOf(page);

    // Counts: each a link to the queue narrowed to its kind; the total leads back to every kind.
    const counts = doc.querySelector('nav.app-queue-counts');
    assert.ok(counts);
    const requestCount = [...counts.querySelectorAll('a')].find((a) => a.getAttribute('href') === '/espace?type=demande');
    assert.match(requestCount?.textContent ?? '', /^2 nouvelles demandes$/);
    assert.match(counts.querySelector('a[href="/espace"]')?.textContent ?? '', /^\d+ éléments à traiter$/);
    assert.equal(counts.querySelector('a[href="/espace"]')?.getAttribute('aria-current'), 'page');

    // The filters: a GET form to the same page, whose fields are the URL's.
    const form = doc.querySelector('form.app-queue-filters');
    assert.equal(form?.getAttribute('method'), 'get');
    assert.equal(form?.getAttribute('action'), '/espace');
    assert.ok(form?.querySelector('select[name="type"] option[value="resultat"]'));
    assert.ok(form?.querySelector('input[type="radio"][name="vue"][value="mes-dossiers"]'));
    assert.ok(form?.querySelector('input[type="checkbox"][name="retard"][value="1"]'));

    // Fatou's row: her Wolof interpreter and languages, her age, and the form where the appointment is proposed.
    const fatouRow = rowOf(page, 'Fatou Ndiaye');
    assert.ok(fatouRow);
    assert.match(fatouRow.textContent ?? '', /Interprète\u202f: Wolof/);
    assert.match(fatouRow.textContent ?? '', /Parle\u202f: français, Wolof/);
    assert.match(fatouRow.textContent ?? '', /En retard depuis \d+ jours ouvrables/);
    const propose = fatouRow.querySelector('a[aria-label="Proposer un rendez-vous à Fatou Ndiaye"]');
    assert.equal(propose?.getAttribute('href'), `/espace/clients/${fatou.id}/rendez-vous/nouveau`);
    // Ana's outcome opens the appointment itself; Sam's untaken request is taken from the row.
    assert.match(rowOf(page, 'Ana Silva')?.querySelector('a')?.getAttribute('href') ?? '', /^\/espace\/rendez-vous\/\d+$/);
    assert.ok(rowOf(page, 'Sam Nouveau')?.querySelector('form[action$="/prendre"]'));
    assert.deepEqual(typographyProblems(visibleText(page), 'fr'), []);

    // « Mes dossiers », overdue requests only: the URL says it, the form shows it, the counts follow.
    const mine = (await marie.get('/espace?type=demande&vue=mes-dossiers&retard=1')).body;
    const mineDoc = documentOf(mine);
    assert.deepEqual(
      rows(mine).map((row) => row.split(' ')[0]),
      ['Fatou'],
    );
    assert.equal(mineDoc.querySelector('option[value="demande"]')?.hasAttribute('selected'), true);
    assert.equal(mineDoc.querySelector('input[name="vue"][value="mes-dossiers"]')?.hasAttribute('checked'), true);
    assert.equal(mineDoc.querySelector('input[name="retard"]')?.hasAttribute('checked'), true);
    assert.equal(mineDoc.querySelector('a[href="/espace?type=demande&vue=mes-dossiers&retard=1"]')?.getAttribute('aria-current'), 'page');
    assert.match(mineDoc.querySelector('nav.app-queue-counts')?.textContent ?? '', /1 nouvelle demande(?!s)/);

    // Unknown values (an old bookmark, a typo) are the default view, never an error.
    const odd = await marie.get('/espace?type=inconnu&vue=toutes&retard=oui&type=demande');
    assert.equal(odd.statusCode, 200);
    assert.deepEqual(rows(odd.body), rows(page));

    // Nothing of the kind: said so, with the way back.
    const none = await marie.get('/espace?type=autre');
    assert.match(none.body, /Rien ne correspond à ces filtres\./);

    await marie.post('/langue', { lang: 'en', retour: '/espace' });
    const english = (await marie.get('/espace?vue=mes-dossiers')).body;
    assert.match(english, /2 new requests|1 new request/);
    assert.match(rowOf(english, 'Fatou Ndiaye')?.textContent ?? '', /Interpreter: Wolof[\s\S]*Speaks: French, Wolof[\s\S]*Overdue by \d+ business days/);
    assert.equal(rowOf(english, 'Sam Nouveau'), undefined, '« My files »: not the team’s untaken request');
  });

  test('another agent never sees Fatou, whatever the filters', async (t) => {
    const { client, database, demo } = await buildTestApp(t, { start: START });
    await addFatou(database.db, demo, START);
    const luc = await client('luc.gagnon@example.com');
    for (const url of ['/espace', '/espace?vue=equipe', '/espace?type=demande', '/espace?retard=1', '/espace?vue=mes-dossiers']) {
      const response = await luc.get(url);
      assert.equal(response.statusCode, 200);
      assert.doesNotMatch(response.body, /Fatou|Wolof/, url);
    }
  });
});
