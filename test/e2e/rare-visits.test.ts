import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileNumber } from '../../src/modules/accounts/directory.service';
import { DEFAULT_SITE } from '../../src/ui/site';
import { dialectName } from '../helpers/database';
import { Journey, type Server, signIn, startServer, useBrowser, type Variant, VARIANTS, variantName } from './harness';

/**
 * Issue 24 for people who rarely sign in, points 2, 3, 5, 6 and 7 of its « What good looks like »
 * (the session's end and the request form have their own files), one compact journey in each
 * variant: Sam's reference and promised date, Jane's two clocks, John's cancellation after a
 * weekend, his plan and his printout. The server's clock stands on a Sunday, so that the promised
 * moments are known dates (the business calendar's own rules are unit-tested beside it).
 */

// Sunday, December 6, 2026, 11:00 in Québec (UTC−5).
const SUNDAY = new Date('2026-12-06T16:00:00.000Z');
const NB = '\u00a0';

/** What each language must say; times with no-break spaces inside, as people's pages write them. */
const WORDS = {
  fr: {
    firstPromise: `mercredi 9 décembre 2026 à 16${NB}h${NB}00`,
    noNews: (moment: string) => `Si vous n'avez pas de nouvelles d'ici le ${moment}, appelez le ${DEFAULT_SITE.contact.phone}`,
    // Two business days from a Sunday end at Wednesday's opening: written as Tuesday's close.
    reproposal: `mardi 8 décembre 2026 à 16${NB}h${NB}00`,
    promise: (moment: string) => `au plus tard le ${moment} (heure du Québec)`,
    fileReference: (number: string) => new RegExp(`Votre numéro de dossier\\s:\\s${number}\\.`),
    fileNumberRow: 'Numéro de dossier',
    quebec: 'heure du Québec',
    paris: 'heure de Paris',
    time: new RegExp(`(\\d{1,2})${NB}h${NB}(\\d\\d)`),
    london: 'Royaume-Uni — Londres',
    parisZone: 'France — Paris',
    quebecZone: 'Canada — Québec',
    viewAppointment: /^Consulter ce rendez-vous/,
    cancelLink: /^Annuler le rendez-vous du /,
    video: 'Visioconférence',
    reason: "Raison de l'annulation",
    confirm: 'Confirmer',
    collapseAll: 'Tout replier',
    emptyDomain: /EMPLOI\s:\saucune action/,
    zeroOfZero: /\bsur 0\b/,
    print: 'Imprimer',
    printHint: /Cette page peut être imprimée \(ou enregistrée en PDF par votre navigateur\)/,
    pdf: 'Télécharger en PDF',
    printedFor: 'John Doe — document du dimanche 6 décembre 2026',
  },
  en: {
    firstPromise: `Wednesday, December 9, 2026 at 4:00${NB}p.m.`,
    noNews: (moment: string) => `If you have not heard from us by ${moment}, call ${DEFAULT_SITE.contact.phone}`,
    reproposal: `Tuesday, December 8, 2026 at 4:00${NB}p.m.`,
    promise: (moment: string) => `no later than ${moment} (Québec time)`,
    fileReference: (number: string) => new RegExp(`Your file number: ${number}\\.`),
    fileNumberRow: 'File number',
    quebec: 'Québec time',
    paris: 'Paris time',
    time: new RegExp(`(\\d{1,2}):(\\d\\d)${NB}([ap])\\.m\\.`),
    london: 'United Kingdom — London',
    parisZone: 'France — Paris',
    quebecZone: 'Canada — Québec',
    viewAppointment: /^View this appointment/,
    cancelLink: /^Cancel the appointment on /,
    video: 'Video conference',
    reason: 'Reason for cancellation',
    confirm: 'Confirm',
    collapseAll: 'Collapse all',
    emptyDomain: /EMPLOYMENT: no actions/,
    zeroOfZero: /\bof 0\b/,
    print: 'Print',
    printHint: /This page can be printed \(or saved as PDF by your browser\)/,
    pdf: 'Download as PDF',
    printedFor: 'John Doe — document of Sunday, December 6, 2026',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

const label = (who: string, variant: Variant) => `rare-visits-${who}-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;

/** The text of the page as shown (hidden parts left out): no « client(s) », « jour(s) » on any page of these journeys. */
async function pageText(journey: Journey): Promise<string> {
  const text = await journey.page.locator('body').innerText();
  assert.doesNotMatch(text, /\p{L}\(s\)/u, `a « (s) » plural on ${journey.page.url()}`);
  return text;
}

/** Minutes after midnight of the first time written just before « (zone) » in the text. */
function timeBefore(text: string, zone: string, words: Words): number {
  const at = text.indexOf(`(${zone})`);
  assert.ok(at > 0, `« ${zone} » named in: ${text}`);
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
  const match = line.match(words.time);
  assert.ok(match, `a time before « ${zone} » in « ${line} »`);
  const [, hour, minute, half] = match;
  const hours = half === undefined ? Number(hour) : (Number(hour) % 12) + (half === 'p' ? 12 : 0);
  return hours * 60 + Number(minute);
}

/** Jane in Paris: both clocks, each named in words, six hours apart in December. */
function assertBothTimes(text: string, words: Words): void {
  const quebec = timeBefore(text, words.quebec, words);
  const paris = timeBefore(text, words.paris, words);
  assert.equal((paris - quebec + 24 * 60) % (24 * 60), 6 * 60, 'Paris time is Québec time plus six hours');
}

describe(`the client who rarely signs in: a reference, times to trust, deadlines as people count them, a printout, the plan at a glance (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of VARIANTS) {
    test(`Sam's file number and promised date, Jane's two clocks and zone picker, John's cancellation on a Sunday, his plan and his printout (${variantName(variant)})`, async (t) => {
      const started = performance.now();
      const server = await startServer(t, {}, { start: SUNDAY });
      await emptyJohnsEmploymentDomain(server);
      const words = WORDS[variant.locale];
      await samsFile(server, variant, words);
      await janesTimes(server, variant, words);
      await johnCancelsAndPrints(server, variant, words);
      t.diagnostic(`${variantName(variant)}: ${Math.round(performance.now() - started)} ms`);
    });
  }

  /** Point 2: the file number and, while the first appointment is awaited, its date and whom to call after it. */
  async function samsFile(server: Server, variant: Variant, words: Words) {
    const journey = await Journey.open(browser(), server, { ...variant, label: label('sam', variant) });
    const { page } = journey;
    await signIn(journey, 'sam.nouveau@example.com', { locale: variant.locale });
    await journey.audit('accueil');
    await pageText(journey);
    await page.goto('/mes-dossiers');
    await journey.audit('mes-dossiers');
    const text = await pageText(journey);
    assert.ok(text.includes(`${words.fileNumberRow}\n${fileNumber(server.demo.sam.id)}`), `the file number on « Mes dossiers »: ${text}`);
    assert.equal((await page.locator('main dd time').first().textContent())?.trim(), words.firstPromise);
    const noNews = (await page.locator('.app-no-news').textContent()) ?? '';
    assert.ok(noNews.startsWith(words.noNews(words.firstPromise)), noNews);
    await page.locator(`.app-no-news a[href^="tel:"]`, { hasText: DEFAULT_SITE.contact.phone }).waitFor();
    await journey.done();
  }

  /** Point 3: a client in Paris sees both times named in words; the picker names zones by country and city. */
  async function janesTimes(server: Server, variant: Variant, words: Words) {
    const journey = await Journey.open(browser(), server, { ...variant, label: label('jane', variant) });
    const { page } = journey;
    await signIn(journey, 'jane.roe@example.com', { locale: variant.locale });
    assert.equal(new URL(page.url()).pathname, '/accompagnement-quebec');
    await journey.audit('accueil');
    await pageText(journey);
    const card = page.locator('section.app-next');
    assertBothTimes(await card.innerText(), words);
    await journey.navigates(() => card.getByRole('link', { name: words.viewAppointment }).click());
    await journey.audit('rendez-vous-details');
    assertBothTimes(await page.locator('main').innerText(), words);
    await pageText(journey);

    await page.goto('/rendez-vous');
    await journey.audit('rendez-vous');
    assertBothTimes(await page.locator('main tbody tr').first().innerText(), words);
    await pageText(journey);

    await page.goto('/profil/informations');
    await journey.audit('mes-informations');
    const zones = await page
      .locator('select#timeZone option')
      .evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent?.trim() ?? '', selected: (o as HTMLOptionElement).selected })));
    assert.ok(zones.length > 10, 'zones offered');
    assert.equal(zones[0]?.label, words.quebecZone, "Québec's first");
    assert.deepEqual(
      zones.filter((zone) => zone.selected).map((zone) => zone.label),
      [words.parisZone],
    );
    assert.equal(zones.find((zone) => zone.value === 'Europe/London')?.label, words.london, "in the page's language");
    for (const zone of zones) assert.match(zone.label, /^[^/]+ — [^/]+$/, `« country — city », not an IANA name: ${zone.label}`);
    await pageText(journey);
    await journey.done();
  }

  /**
   * Points 3, 6, 2, 7 and 5 for John (Québec's zone): « heure du Québec », never « Toronto »; his
   * cancellation on a Sunday promises Tuesday's close, with his file number, and « Mes dossiers »
   * then says so too; his plan open, no
   * « 0 sur 0 »; « Mes documents » to print, the printout with his name and the date.
   */
  async function johnCancelsAndPrints(server: Server, variant: Variant, words: Words) {
    const journey = await Journey.open(browser(), server, { ...variant, label: label('john', variant) });
    const { page } = journey;
    const number = fileNumber(server.demo.john.id);
    const johnsText = async () => {
      const text = await pageText(journey);
      assert.doesNotMatch(text, /Toronto/, `Québec's zone is named after Québec on ${page.url()}`);
      return text;
    };
    await signIn(journey, 'john.doe@example.com', { locale: variant.locale });
    await journey.audit('accueil');
    assert.match(await johnsText(), new RegExp(`\\(${words.quebec}\\)`));
    await page.goto('/rendez-vous');
    await journey.audit('rendez-vous');
    assert.match(await johnsText(), new RegExp(`\\(${words.quebec}\\)`));
    const videoRow = page.locator('main tbody tr', { hasText: words.video });
    await videoRow.locator('summary.app-row-menu__toggle').click();
    await journey.navigates(() => videoRow.getByRole('link', { name: words.cancelLink }).click());
    await journey.audit('annuler');
    await page.getByLabel(words.reason).selectOption({ index: 1 });
    await journey.navigates(() => page.getByRole('button', { name: words.confirm }).click());
    await journey.audit('annulation');
    const confirmation = await johnsText();
    assert.ok(confirmation.includes(words.promise(words.reproposal)), `the close of the previous business day: ${confirmation}`);
    assert.ok(confirmation.includes(words.noNews(words.reproposal)), confirmation);
    assert.match(confirmation, words.fileReference(number));
    // « Mes dossiers » (a kept page, moved by the cancellation) then gives the same moment and whom to call.
    await page.goto('/mes-dossiers');
    await journey.audit('mes-dossiers-annulation');
    const files = await johnsText();
    assert.ok(files.includes(`${words.reproposal} (${words.quebec})`) && files.includes(words.noNews(words.reproposal)), files);

    await page.goto('/accompagnement-quebec/actions?onglet=a-faire');
    await journey.audit('mes-actions');
    const domains = page.locator('details.app-domain');
    assert.equal(await domains.count(), 5);
    assert.equal(await page.locator('details.app-domain[open]').count(), 5, 'every domain open');
    const actionsText = await johnsText();
    assert.doesNotMatch(actionsText, words.zeroOfZero);
    assert.match((await page.locator('.app-progress-overview').textContent()) ?? '', words.emptyDomain);
    // A link, so it works without the script too (the plan's route test follows it).
    assert.match((await page.getByRole('link', { name: words.collapseAll }).getAttribute('href')) ?? '', /[?&]replie=1\b/);

    await page.goto('/mes-documents');
    await journey.audit('mes-documents');
    assert.match(await johnsText(), words.fileReference(number));
    const print = page.getByRole('button', { name: words.print });
    if (variant.javaScript) {
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', 'yes');
      });
      await print.click();
      await page.locator('body[data-printed="yes"]').waitFor();
    } else {
      // Without the script the button stays hidden: the page says it prints, and offers the PDF.
      assert.equal(await print.isVisible(), false);
      await page.getByText(words.printHint).waitFor();
      await page.getByRole('link', { name: words.pdf }).waitFor();
    }
    await page.emulateMedia({ media: 'print' });
    assert.equal((await page.locator('.app-print-only').innerText()).trim(), words.printedFor, "the printout carries the person's name and the date of issue");
    assert.equal(await page.locator('.app-header').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: words.print }).isVisible(), false);
    await journey.done();
  }
});

/**
 * John's plan has actions in all five domains; one emptied (its actions moved to another) is the
 * case « 0 action complétée sur 0 » came from.
 */
async function emptyJohnsEmploymentDomain(server: Server): Promise<void> {
  const { db } = server.database;
  await db
    .updateTable('plan_actions')
    .set({ domain: 'INSTALLATION' })
    .where('domain', '=', 'EMPLOI')
    .where('plan_id', 'in', db.selectFrom('plans').select('id').where('client_id', '=', server.demo.john.id))
    .execute();
}
