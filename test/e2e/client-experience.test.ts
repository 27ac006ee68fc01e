import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import { Journey, type Server, signIn, startServer, VARIANTS, useBrowser, variantName } from './harness';

/**
 * What happens next, as a person meets it: « Prochaines étapes » on « Accompagnement
 * Québec » in each of its states, and cancelling with « Vos disponibilités » that the agent then
 * reads. The variants (FR/EN, JS/no-JS, phone/desktop) are spread over the journeys, one each.
 */
const [FR_JS_DESKTOP, FR_NOJS_PHONE, EN_NOJS_DESKTOP, EN_JS_PHONE] = VARIANTS;

const LONG_DATE_FR = /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? \S+ \d{4} à \d{1,2}\sh\s\d\d/;
const LONG_DATE_EN = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \S+ \d{1,2}, \d{4} at \d{1,2}:\d\d\s[ap]\.m\./;
const AVAILABILITY = 'Les mardis et jeudis matin, ou le vendredi après 13 h';

const label = (name: string, variant: (typeof VARIANTS)[number]) => `client-experience-${name}-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;

/** The « Prochaines étapes » card of the page. */
const nextSteps = (journey: Journey) => journey.page.locator('section.app-next');

describe(`the client's experience: what happens next, cancelling with availability (${dialectName})`, () => {
  const browser = useBrowser();

  test(`a request waiting for its first appointment: the promise on the home page and on the empty « Planifié » tab (${variantName(FR_JS_DESKTOP)})`, async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { ...FR_JS_DESKTOP, label: label('sam', FR_JS_DESKTOP) });
    const { page } = journey;
    await signIn(journey, 'sam.nouveau@example.com');
    await page.goto('/accompagnement-quebec');
    await journey.audit('accueil');
    const card = nextSteps(journey);
    await card.getByRole('heading', { name: 'Prochaines étapes' }).waitFor();
    const promise = (await card.locator('.app-next__promise--first').textContent()) ?? '';
    assert.match(promise, new RegExp(`^Votre premier rendez-vous vous sera proposé au plus tard le ${LONG_DATE_FR.source} \\(heure du Québec\\)\\.$`));
    assert.equal(await card.getByText('Votre prochain rendez-vous').count(), 0);
    // « Centre des messages » written out, as a link to the message centre.
    await journey.navigates(() => card.getByRole('link', { name: 'Centre des messages' }).click());
    await journey.audit('messages');
    assert.equal(new URL(page.url()).pathname, '/messages');

    await journey.navigates(() => page.getByRole('link', { name: 'Rendez-vous', exact: true }).click());
    await journey.audit('planifie-vide');
    assert.equal(await page.locator('tbody tr').count(), 0);
    assert.equal((await page.locator('.app-next__promise--first').textContent())?.trim(), promise.trim(), 'the same moment as on the home page');
    await journey.done();
  });

  test(`the next appointment on the home page, its details, and what a planned appointment offers; nothing planned nor promised (${variantName(EN_JS_PHONE)})`, async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { ...EN_JS_PHONE, label: label('jane', EN_JS_PHONE) });
    const { page } = journey;
    await signIn(journey, 'jane.roe@example.com', { locale: 'en' });
    await page.goto('/accompagnement-quebec');
    await journey.audit('home');
    const card = nextSteps(journey);
    await card.getByRole('heading', { name: 'What happens next' }).waitFor();
    await card.getByRole('heading', { name: 'Your next appointment' }).waitFor();
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Needs assessment/);
    assert.match(text, /\(Québec time\)/);
    assert.match(text, /You have 1 new message in your Message centre\./);
    assert.doesNotMatch(text, /will be proposed/);
    await journey.navigates(() => card.getByRole('link', { name: /^View this appointment on / }).click());
    await journey.audit('appointment');
    await page.getByRole('heading', { name: 'Appointment details' }).waitFor();
    await page.getByRole('link', { name: 'Add to my calendar' }).waitFor();
    await page
      .getByRole('link', { name: LONG_DATE_EN })
      .and(page.getByRole('link', { name: /^Cancel the appointment on / }))
      .waitFor();
    // The agent's phone is a tel: link.
    const phones = page.locator('main a[href^="tel:"]');
    assert.ok((await phones.count()) >= 1);
    await journey.done();

    // None of them: Ana's assessment is held, nothing is planned or promised.
    const ana = await Journey.open(browser(), server, { ...EN_JS_PHONE, label: label('ana', EN_JS_PHONE) });
    await signIn(ana, 'ana.silva@example.com', { locale: 'en' });
    await ana.page.goto('/accompagnement-quebec');
    await ana.audit('home');
    const none = (await nextSteps(ana).textContent()) ?? '';
    assert.match(none, /No appointment is scheduled at the moment\./);
    assert.doesNotMatch(none, /will be proposed|Your next appointment/);
    await ana.done();
  });

  test(`John cancels his video appointment with « Vos disponibilités » (${variantName(FR_NOJS_PHONE)}); Marie reads them with the re-proposal (${variantName(EN_NOJS_DESKTOP)})`, async (t) => {
    const server = await startServer(t);
    await johnCancels(server, browser());
    await marieReadsAvailability(server, browser());
  });

  async function marieReadsAvailability(server: Server, b: ReturnType<typeof browser>) {
    // Marie reads the availability with the re-proposal: in the queue, then on the form the queue's link opens.
    const marie = await Journey.open(b, server, { ...EN_NOJS_DESKTOP, label: label('marie', EN_NOJS_DESKTOP) });
    const { page } = marie;
    await signIn(marie, 'marie.tremblay@example.com', { locale: 'en' });
    await marie.audit('queue');
    const row = page.locator('tr', { hasText: 'John Doe' }).filter({ hasText: /propose a new appointment/ });
    assert.match((await row.textContent()) ?? '', new RegExp(`Availability: ${AVAILABILITY}`));
    await marie.navigates(() => row.getByRole('link', { name: /Propose an appointment to John Doe/ }).click());
    await marie.audit('propose');
    const notice = page.locator('.app-notice', { hasText: 'Availability given with the cancellation:' });
    assert.match((await notice.textContent()) ?? '', /propose a new one no later than \d{1,2}:\d\d\s[ap]\.m\. on \S+, \S+ \d{1,2}, \d{4}\.(?!\.)/);
    assert.match((await notice.textContent()) ?? '', new RegExp(AVAILABILITY));
    await marie.done();
  }

  async function johnCancels(server: Server, b: ReturnType<typeof browser>) {
    const john = await Journey.open(b, server, { ...FR_NOJS_PHONE, label: label('john', FR_NOJS_PHONE) });
    const { page } = john;
    await signIn(john, 'john.doe@example.com');
    await page.goto('/accompagnement-quebec');
    await john.audit('accueil');
    assert.equal(await nextSteps(john).locator('.app-next__promise').count(), 0, 'nothing promised before the cancellation');
    await nextSteps(john).getByText('Votre prochain rendez-vous').waitFor();
    assert.match((await nextSteps(john).textContent()) ?? '', /Vous avez \d+ nouveaux messages dans votre Centre des messages\./);

    // The row menu's « Annuler » names the appointment it cancels.
    await page.goto('/rendez-vous');
    await john.audit('planifie');
    assert.equal(await page.locator('tbody tr').count(), 2);
    const videoRow = page.locator('tbody tr', { hasText: 'Visioconférence' });
    await videoRow.locator('summary.app-row-menu__toggle').click();
    const cancel = videoRow.getByRole('link', { name: /^Annuler le rendez-vous du / });
    assert.match((await cancel.textContent()) ?? '', LONG_DATE_FR);
    await john.navigates(() => cancel.click());
    await john.audit('annuler');
    const appointmentPath = new URL(page.url()).pathname.replace(/\/annuler$/, '');

    // No reason: the service's error summary and the field's message, the availability kept (no browser tooltip).
    const availability = page.getByLabel('Vos disponibilités (facultatif)');
    await availability.fill(AVAILABILITY);
    await john.navigates(() => page.getByRole('button', { name: 'Confirmer' }).click());
    await john.audit('annuler-erreur');
    const summary = page.locator('.app-error-summary');
    await summary.getByRole('link', { name: "Sélectionnez la raison de l'annulation." }).waitFor();
    assert.equal(await availability.inputValue(), AVAILABILITY);

    await page.getByLabel("Raison de l'annulation").selectOption({ label: 'Maladie' });
    await john.navigates(() => page.getByRole('button', { name: 'Confirmer' }).click());
    await john.audit('annule');
    await page.goto(appointmentPath);
    await john.audit('annule-details');
    const main = page.locator('main');
    await main.getByText('Annulé', { exact: true }).waitFor();
    assert.match((await main.textContent()) ?? '', new RegExp(`Vos disponibilités\\s*${AVAILABILITY}`));
    assert.equal(await main.getByText('Ajouter à mon agenda').count(), 0, 'nothing to add to a calendar once cancelled');
    assert.equal(await main.locator('a[href$=".ics"]').count(), 0);
    assert.equal(await main.locator('a[href^="https://rencontre."]').count(), 0, 'no video link');

    // Home: the promise of a new appointment, with the next one still planned.
    await page.goto('/accompagnement-quebec');
    await john.audit('accueil-apres');
    const promise = (await nextSteps(john).locator('.app-next__promise--new').textContent()) ?? '';
    assert.match(promise, new RegExp(`^Un nouveau rendez-vous vous sera proposé au plus tard le ${LONG_DATE_FR.source} \\(heure du Québec\\)\\.$`));
    await nextSteps(john).getByText('Votre prochain rendez-vous').waitFor();
    await john.done();
  }
});
