import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { formatTime } from '../../ui/format/datetime';
import { documentsPdf } from './documents.pdf';

const MODEL = {
  language: 'fr-CA',
  title: "Mon plan d'action individualisé et mes rendez-vous",
  subtitle: 'John Doe',
  generated: 'Document produit le 6 décembre 2026, 10 h 00 (heure du Québec)',
  pageLabel: (page: number, pages: number) => `Page ${page} sur ${pages}`,
  sections: [
    {
      heading: "Mon plan d'action individualisé",
      columns: ['Action', 'Statut', 'Date de fin'],
      // Enough rows for several pages, some wrapping in their cell.
      groups: [{ heading: 'INSTALLATION', rows: Array.from({ length: 70 }, (_, i) => [`Action ${i + 1}, un titre assez long pour passer à la ligne dans sa colonne`, 'À faire', '—']) }],
    },
    { heading: 'Mes rendez-vous', empty: 'Aucun rendez-vous pour le moment.', columns: ['Date', 'Heure'], groups: [{ rows: [] }] },
  ],
};

/** The structure tree as roles in reading order (« Table(THead(TR(TH TH TH)) …) »), read back with pdf-lib. */
function outline(pdf: PDFDocument, object: PDFObject | undefined): string {
  const resolved = object instanceof PDFRef ? pdf.context.lookup(object) : object;
  if (resolved instanceof PDFArray)
    return resolved
      .asArray()
      .map((kid) => outline(pdf, kid))
      .filter(Boolean)
      .join(' ');
  if (!(resolved instanceof PDFDict) || resolved.get(PDFName.of('Type'))?.toString() === '/MCR') return '';
  const role = resolved.get(PDFName.of('S'))?.toString().slice(1) ?? '?';
  const kids = outline(pdf, resolved.get(PDFName.of('K')));
  return kids ? `${role}(${kids})` : role;
}

/** A page's content stream as text (pdf-lib writes it deflated). */
function contentOf(pdf: PDFDocument, index: number): string {
  const contents = pdf.getPage(index).node.Contents();
  const stream = contents instanceof PDFArray ? pdf.context.lookup(contents.get(0)) : contents;
  assert.ok(stream instanceof PDFRawStream);
  return inflateSync(stream.contents).toString('latin1');
}

/** The text drawn inside a content stream's segment (standard fonts: hex strings in WinAnsi). */
function hexText(segment: string): string {
  return [...segment.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)].map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1')).join('|');
}

test('the documents PDF is tagged: language, title shown, structure tree with headings and tables, each page in the parent tree', async () => {
  const pdf = await PDFDocument.load(await documentsPdf(MODEL));
  const { catalog } = pdf;
  assert.equal(catalog.lookup(PDFName.of('Lang'))?.toString(), '(fr-CA)');
  assert.equal(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString(), 'true');
  assert.equal(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))?.toString(), 'true');
  assert.equal(pdf.getTitle(), MODEL.title);

  const root = catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  assert.equal(root.get(PDFName.of('Type'))?.toString(), '/StructTreeRoot');
  const tree = outline(pdf, root.get(PDFName.of('K')));
  const header = 'THead(TR(TH TH TH))';
  const row = 'TR(TD TD TD)';
  assert.equal(tree, `Document(H1 P P Sect(H2 H3 Table(${header} TBody(${Array(70).fill(row).join(' ')}))) Sect(H2 P))`);
  const th = tree.match(/\bTH\b/g)?.length;
  assert.equal(th, 3, 'one header row in the structure, however many pages the table runs over');

  const pages = pdf.getPageCount();
  assert.ok(pages >= 3, `${pages} pages`);
  const parentTree = pdf.context.lookup(root.get(PDFName.of('ParentTree')), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  assert.equal(parentTree.size(), pages * 2);
  for (let index = 0; index < pages; index++) {
    const page = pdf.getPage(index).node;
    assert.equal((page.get(PDFName.of('StructParents')) as PDFNumber).asNumber(), index);
    assert.equal(page.get(PDFName.of('Tabs'))?.toString(), '/S');
    const content = contentOf(pdf, index);
    // Every MCID drawn on the page has its element in the parent tree, in order.
    const mcids = [...content.matchAll(/\/MCID (\d+)/g)].map(([, n]) => Number(n));
    assert.deepEqual(
      mcids,
      mcids.map((_, i) => i),
    );
    assert.equal(parentTree.lookup(index * 2 + 1, PDFArray).size(), mcids.length);
    // The foot: name, date of issue and « Page n sur N », as a pagination artifact.
    const foot = /\/Artifact <<\s*\/Type \/Pagination\s*>> BDC([\s\S]*?)EMC/.exec(content)?.[1] ?? '';
    assert.equal(hexText(foot), `John Doe \x97 Document produit le 6 d\xe9cembre 2026, 10 h 00 (heure du Qu\xe9bec)|Page ${index + 1} sur ${pages}`);
    // The table's header row is drawn again (as an artifact) on each page it continues on.
    const repeated = [...content.matchAll(/\/Artifact BMC([\s\S]*?)EMC/g)].map(([, segment]) => hexText(segment));
    if (index === 0) assert.deepEqual(repeated, []);
    else if (index < pages - 1) assert.deepEqual(repeated, ['Action', 'Statut', 'Date de fin']);
  }
});

test('the PDF of « Mes documents » speaks the person’s language and names them on each page', async (t) => {
  const app = await buildTestApp(t);
  const john = await app.client('john.doe@example.com');
  await john.post('/langue', { lang: 'en', retour: '/' });
  const cookie = [...john.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await app.app.inject({ method: 'GET', url: '/mes-documents/mon-plan.pdf', headers: { cookie } });
  const pdf = await PDFDocument.load(Buffer.from(response.rawPayload));
  assert.equal(pdf.catalog.lookup(PDFName.of('Lang'))?.toString(), '(en-CA)');
  assert.ok(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  const pages = pdf.getPageCount();
  const foot = /\/Type \/Pagination\s*>> BDC([\s\S]*?)EMC/.exec(contentOf(pdf, 0))?.[1] ?? '';
  assert.match(hexText(foot), new RegExp(`^John Doe, file AQ-0+${app.demo.john.id} \x97 Document produced on .+\\|Page 1 of ${pages}$`));
  // Completion dates are written as on the page (« November 20, 2026 »), never ISO.
  assert.doesNotMatch(hexText(contentOf(pdf, 0)), /\d{4}-\d{2}-\d{2}/);
});

test('« Mes documents » offers « Imprimer » to the script only, and its printout carries the name and the date', async (t) => {
  const app = await buildTestApp(t, { start: new Date('2026-12-06T15:00:00Z') });
  const john = await app.client('john.doe@example.com');
  const page = (await john.get('/mes-documents')).body;
  assert.match(page, /<button type="button" class="app-button" data-module="app-print" hidden>Imprimer<\/button>/);
  assert.match(page, /<p class="app-print-only">John Doe — document du dimanche 6 décembre 2026<\/p>/);
});

/** All the text a PDF draws, line by line (`|`), no-break spaces as spaces; `words` joins the wrapped lines again. */
async function pdfText(bytes: Uint8Array): Promise<{ lines: string; words: string }> {
  const pdf = await PDFDocument.load(bytes);
  const lines = pdf
    .getPages()
    .map((_, index) => hexText(contentOf(pdf, index)))
    .join('|')
    .replaceAll('\xa0', ' ');
  return { lines, words: lines.replace(/ \|/g, ' ') };
}

test(`the PDF gives a client outside Québec’s zone their own time under Québec’s, named in words; one in Québec’s zone, Québec’s only (${dialectName})`, async (t) => {
  const app = await buildTestApp(t);
  const pdfOf = async (email: string) => {
    const client = await app.client(email);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return pdfText(Buffer.from((await app.app.inject({ method: 'GET', url: '/mes-documents/mon-plan.pdf', headers: { cookie } })).rawPayload));
  };
  const startsOf = async (clientId: number) => (await app.database.db.selectFrom('appointments').select('starts_at').where('client_id', '=', clientId).execute()).map((row) => row.starts_at);
  const spaced = (text: string) => text.replaceAll('\xa0', ' ');

  const jane = await pdfOf('jane.roe@example.com');
  const janeStarts = await startsOf(app.demo.jane.id);
  assert.ok(janeStarts.length > 0);
  for (const at of janeStarts) {
    const paris = spaced(formatTime(at, 'fr', 'Europe/Paris'));
    assert.ok(jane.words.includes(spaced(`${formatTime(at, 'fr')} (heure du Québec) ${paris} (heure de Paris)`)), jane.words);
    // The time in Paris starts a line of its own in the cell, wherever Québec's wrapped.
    assert.ok(jane.lines.includes(`Québec) |${paris} (`), jane.lines);
  }

  const john = await pdfOf('john.doe@example.com');
  const johnStarts = await startsOf(app.demo.john.id);
  assert.ok(johnStarts.length > 0);
  for (const at of johnStarts) assert.ok(john.words.includes(spaced(`${formatTime(at, 'fr')} (heure du Québec)`)), john.words);
  assert.doesNotMatch(john.words, /heure de |Toronto/);
});
