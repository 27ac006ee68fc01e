import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import type { Page } from 'playwright-core';
import { translator } from '../../src/platform/i18n/translate';
import { zoneLabel } from '../../src/platform/i18n/time-zones';
import { calendarDate } from '../../src/modules/requests/views/request-pages';
import { Journey, ROLE_JOURNEY, roleJourneyVariants, signIn, startServer, type Server, VARIANTS, type Variant, useBrowser, variantName } from './harness';

const PASSWORD = 'érable boréal 2026 vélo';

const LABELS = {
  fr: {
    create: 'Créer un compte',
    createSubmit: 'Créer mon compte',
    confirm: 'Confirmer mon adresse',
    signIn: 'Se connecter',
    language: 'Français',
    next: 'Enregistrer et continuer',
    resume: 'Reprendre ma demande',
    files: 'Mes dossiers',
    transmit: 'Transmettre la demande',
    seeFiles: 'Consulter mes dossiers',
    summary: 'Récapituler la demande',
    showPassword: 'Afficher le mot de passe',
    start: 'Commencer la demande',
    // From the catalogue: its typography (U+202F before « : ») is the page's.
    futureError: translator('fr')('intake.error.arrivalDate.future'),
    submitted: 'Transmise',
  },
  en: {
    create: 'Create an account',
    createSubmit: 'Create my account',
    confirm: 'Confirm my address',
    signIn: 'Sign in',
    language: 'English',
    next: 'Save and continue',
    resume: 'Resume my request',
    files: 'My files',
    transmit: 'Submit the request',
    seeFiles: 'See my files',
    summary: 'Review the request',
    showPassword: 'Show password',
    start: 'Start the request',
    futureError: translator('en')('intake.error.arrivalDate.future'),
    submitted: 'Submitted',
  },
} as const;

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Types a date in the three boxes of GOV.UK's date input (« 15 », « 3 », « 2026 »). */
async function fillDate(page: Page, id: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  await page.locator(`#${id}-day`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year);
}

async function confirmationLink(server: Server, email: string): Promise<string> {
  const mail = await server.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const match = /https?:\/\/\S+(\/compte\/verifier\?jeton=[\w-]+)/.exec(mail.body_text);
  assert.ok(match, mail.body_text);
  return match[1];
}

const variantLabel = (name: string, variant: Variant) => `${name}-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;

/** « Après-midi (13 h à 16 h) », "Afternoon (1 p.m. to 4 p.m.)": the periods end with business hours (16 h), never at 17 h. */
const PERIOD_LABELS = {
  fr: ['Matin (8\u00a0h à 12\u00a0h)', 'Après-midi (13\u00a0h à 16\u00a0h)'],
  en: ['Morning (8\u00a0a.m. to noon)', 'Afternoon (1\u00a0p.m. to 4\u00a0p.m.)'],
} as const;

/** The error summary lists these messages, all at once. */
async function errorSummaryLists(journey: Journey, messages: string[]): Promise<void> {
  const summary = journey.page.locator('.app-error-summary');
  for (const message of messages) await summary.getByText(message).waitFor();
}

/**
 * From the sign-in page to « Créer un compte », sent once with no name and a short password: both
 * errors at once (the password's on the first try); then « Afficher le mot de passe » with
 * JavaScript (no button without), and the account created.
 */
async function createAccount(journey: Journey, variant: Variant, name: string, email: string): Promise<void> {
  const { page } = journey;
  const labels = LABELS[variant.locale];
  const t = translator(variant.locale);
  await page.goto('/connexion');
  if (variant.locale === 'en') {
    await journey.audit('connexion-fr');
    await journey.navigates(() => page.getByRole('button', { name: 'Display in English' }).click());
  }
  await journey.audit('connexion');
  await journey.navigates(() => page.getByRole('link', { name: labels.create }).click());
  await journey.audit('creer-un-compte');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('court');
  await journey.navigates(() => page.getByRole('button', { name: labels.createSubmit }).click());
  await errorSummaryLists(journey, [t('registration.required.name'), t('password.PASSWORD_TOO_SHORT')]);
  await journey.audit('creer-un-compte-erreurs');
  await page.locator('#name').fill(name);
  await page.locator('#password').fill(PASSWORD);
  // « Afficher le mot de passe »: with JavaScript it shows what was typed; without, no button.
  const showPassword = page.getByRole('button', { name: labels.showPassword });
  if (variant.javaScript) {
    await showPassword.click();
    assert.equal(await page.locator('#password').getAttribute('type'), 'text');
    assert.equal(await showPassword.count(), 0, 'the label now says « Masquer le mot de passe »');
    await page.locator('.app-password-input [aria-live="polite"]').getByText(t('password.toggle.shown')).waitFor();
  } else assert.equal(await showPassword.isVisible(), false);
  await page.getByLabel(labels.language).check();
  await journey.navigates(() => page.getByRole('button', { name: labels.createSubmit }).click());
  await journey.audit('courriel-envoye');
}

/**
 * Signed in, the newcomer meets the notice of collection before the first question: why, who, how
 * long, their rights; « Confidentialité » links to it and back. Then « Commencer la demande ».
 */
/** From the sign-in page: signs in as the new client, reads the notice, answers « Identification ». */
async function signInThenIdentify(journey: Journey, variant: Variant, email: string, arrival: string): Promise<void> {
  const { page } = journey;
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await journey.navigates(() => page.getByRole('button', { name: LABELS[variant.locale].signIn }).click());
  await noticeThenStart(journey, variant);
  await answerIdentification(journey, variant, arrival);
  await journey.audit('premier-rendez-vous');
}

async function noticeThenStart(journey: Journey, variant: Variant): Promise<void> {
  const { page } = journey;
  const t = translator(variant.locale);
  assert.match(page.url(), /\/demande\/avis-de-collecte$/);
  for (const key of ['intake.notice.whyTitle', 'intake.notice.whoTitle', 'intake.notice.howLongTitle', 'intake.notice.rightsTitle'] as const) {
    await page.getByRole('heading', { level: 2, name: t(key) }).waitFor();
  }
  await journey.audit('avis-de-collecte');
  await journey.navigates(() => page.getByRole('link', { name: t('intake.notice.more') }).click());
  assert.equal(new URL(page.url()).pathname, '/confidentialite');
  await journey.audit('confidentialite');
  await journey.navigates(() => page.getByRole('link', { name: t('info.privacy.noticeLink') }).click());
  assert.match(page.url(), /\/demande\/avis-de-collecte$/);
  await journey.audit('avis-de-collecte');
  await journey.navigates(() => page.getByRole('link', { name: LABELS[variant.locale].start }).click());
  assert.match(page.url(), /\/demande\/identification$/);
  await journey.audit('identification');
}

/**
 * « Identification »: the arrival date in three boxes (day, month, year, as its hint writes it);
 * sent once with an arrival in the future while in Québec and no language: both errors at once.
 */
async function answerIdentification(journey: Journey, variant: Variant, arrival: string): Promise<void> {
  const { page } = journey;
  const t = translator(variant.locale);
  const date = page.getByRole('group', { name: t('intake.arrivalDate') });
  await date.getByText(t('intake.arrivalDateHint')).waitFor();
  assert.deepEqual(await date.locator('input').evaluateAll((inputs) => inputs.map((input) => `${input.id}:${input.getAttribute('inputmode')}`)), [
    'arrivalDate-day:numeric',
    'arrivalDate-month:numeric',
    'arrivalDate-year:numeric',
  ]);
  for (const part of ['day', 'month', 'year'] as const) assert.equal(await date.getByLabel(t(`intake.date.${part}`), { exact: true }).getAttribute('id'), `arrivalDate-${part}`);
  assert.equal(await page.locator('input[type=date]').count(), 0, 'no native date field (its mm/dd/yyyy would contradict the hint)');
  await page.locator('#location-quebec').check();
  await fillDate(page, 'arrivalDate', isoDay(30));
  await page.locator('#status').selectOption('travailleur_temporaire');
  await page.locator('#adults').fill('1');
  await page.locator('#children').fill('1');
  await journey.navigates(() => page.getByRole('button', { name: LABELS[variant.locale].next }).click());
  await errorSummaryLists(journey, [LABELS[variant.locale].futureError, t('intake.error.languages')]);
  await journey.audit('identification-erreur');
  await fillDate(page, 'arrivalDate', arrival);
  await page.locator('#languages-ar').check();
  await page.locator('#languages-fr').check();
  await journey.navigates(() => page.getByRole('button', { name: LABELS[variant.locale].next }).click());
  assert.match(page.url(), /\/demande\/premier-rendez-vous$/);
}

/**
 * « Premier rendez-vous »: « Région » and « Langue de l'interprète » revealed by their answer with
 * JavaScript, always shown without; the periods within business hours; sent once by telephone
 * without a number and no period (both errors at once), then by videoconference, still without a
 * number: the phone is required only when the mode needs it.
 */
async function answerFirstAppointment(journey: Journey, variant: Variant): Promise<void> {
  const { page } = journey;
  const t = translator(variant.locale);
  assert.equal(await page.locator('#region').isVisible(), !variant.javaScript);
  await page.locator('#mode-en_personne').check();
  await page.locator('#region').waitFor({ state: 'visible' });
  if (variant.javaScript) assert.equal(await page.locator('#mode-en_personne').getAttribute('aria-controls'), 'mode-en_personne-conditional');
  await page.locator('#mode-telephone').check();
  assert.equal(await page.locator('#region').isVisible(), !variant.javaScript);
  const periods = page.getByRole('group', { name: t('intake.periods') });
  assert.deepEqual(
    (await periods.locator('label').allTextContents()).map((text) => text.trim()),
    PERIOD_LABELS[variant.locale],
  );
  await page.locator('#timeZone').selectOption('Africa/Casablanca');
  await page.locator('#days-mardi').check();
  await page.locator('#days-jeudi').check();
  assert.equal(await page.locator('#interpreterLanguage').isVisible(), !variant.javaScript);
  await page.locator('#interpreter-oui').check();
  await page.locator('#interpreterLanguage').fill('Arabe');
  await journey.navigates(() => page.getByRole('button', { name: LABELS[variant.locale].next }).click());
  await errorSummaryLists(journey, [t('intake.error.phone.required'), t('intake.error.periods')]);
  await journey.audit('premier-rendez-vous-erreurs');
  await page.locator('#mode-visioconference').check();
  await page.locator('#periods-matin').check();
  assert.equal(await page.locator('#phone').inputValue(), '');
  await journey.navigates(() => page.getByRole('button', { name: LABELS[variant.locale].next }).click());
  assert.match(page.url(), /\/demande\/recapitulatif$/);
}

/** The recap in words: the arrival date written out, the zone by country and city; no ISO date, no IANA name. */
async function checkRecap(journey: Journey, variant: Variant, arrival: string): Promise<void> {
  const { page } = journey;
  const t = translator(variant.locale);
  await page.getByRole('heading', { level: 1, name: LABELS[variant.locale].summary }).waitFor();
  await page.getByText(calendarDate(arrival, variant.locale), { exact: true }).waitFor();
  await page.getByText(zoneLabel('Africa/Casablanca', variant.locale), { exact: true }).waitFor();
  await page.getByText(t('intake.mode.visioconference'), { exact: true }).waitFor();
  const main = (await page.locator('main').textContent()) ?? '';
  assert.doesNotMatch(main, /\d{4}-\d\d-\d\d/, 'no ISO date');
  assert.doesNotMatch(main, /\b(Africa|America|Asia|Europe|Pacific|Atlantic)\/\w/, 'no IANA zone name');
  await journey.audit('recapitulatif');
}

/** One Chromium for the whole file (both groups below). */
const browser = useBrowser();

describe(`becoming a client: account, address confirmed, the request in three steps, the team queue (${dialectName})`, () => {
  // On a phone, as most newcomers: French without JS and English with.
  for (const variant of roleJourneyVariants(VARIANTS[1], VARIANTS[3])) {
    test(`${ROLE_JOURNEY} newcomer: ${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const labels = LABELS[variant.locale];
      const label = `intake-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
      const journey = await Journey.open(browser(), server, { ...variant, label });
      const { page } = journey;
      const email = `nouvelle.${variant.locale}.${variant.javaScript ? 'js' : 'nojs'}.${variant.size}@example.org`;
      const name = `Amal Haddad ${variant.locale.toUpperCase()}${variant.javaScript ? ' JS' : ''} ${variant.size}`;

      const arrival = isoDay(-40);
      await createAccount(journey, variant, name, email);

      // The link from the outbox; the page it opens has one button.
      await page.goto(await confirmationLink(server, email));
      await journey.audit('confirmer-adresse');
      await journey.navigates(() => page.getByRole('button', { name: labels.confirm }).click());
      await journey.audit('adresse-confirmee');
      await journey.navigates(() => page.getByRole('link', { name: labels.signIn }).click());
      await journey.audit('connexion-nouvelle');
      await signInThenIdentify(journey, variant, email, arrival);

      // Leave in the middle, come back to the draft from « Mes dossiers ».
      await page.goto('/accompagnement-quebec');
      await journey.audit('accueil');
      await journey.openMenuIfCollapsed();
      await journey.navigates(() => page.getByRole('link', { name: labels.files }).click());
      await journey.audit('mes-dossiers-brouillon');
      await journey.navigates(() => page.getByRole('link', { name: labels.resume }).click());
      assert.match(page.url(), /\/demande\/premier-rendez-vous$/);
      await journey.audit('premier-rendez-vous-repris');

      await answerFirstAppointment(journey, variant);
      await checkRecap(journey, variant, arrival);
      await journey.navigates(() => page.getByRole('button', { name: labels.transmit }).click());
      await journey.audit('confirmation');
      const promised = await page.locator('main time').first().getAttribute('datetime');
      assert.ok(promised);

      // « Mes dossiers »: the request, « Transmise », the same promised moment.
      await journey.navigates(() => page.getByRole('link', { name: labels.seeFiles }).click());
      await journey.audit('mes-dossiers');
      await page.getByText(labels.submitted, { exact: true }).waitFor();
      assert.equal(await page.locator('main time').first().getAttribute('datetime'), promised);
      await journey.done();

      // Marie sees it in her team's queue with the same deadline.
      const marie = await Journey.open(browser(), server, { ...variant, label: `${label}-marie` });
      await signIn(marie, 'marie.tremblay@example.com', { locale: variant.locale });
      await marie.audit('file-de-travail');
      const row = marie.page.locator('tr', { hasText: name });
      assert.equal(await row.locator('time').getAttribute('datetime'), promised);
      await marie.done();
    });
  }

  /**
   * The request's questions in the two variants the newcomer's journey leaves out (desktops: French
   * with JS, English without): a fresh account through « Créer un compte », its address marked
   * confirmed at once (the newcomer's journey follows the mailed link), then the notice, the two
   * steps and the recap — nothing transmitted, no team queue.
   */
  for (const variant of [VARIANTS[0], VARIANTS[2]]) {
    test(`create an account, the notice, the two steps and the recap: ${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const journey = await Journey.open(browser(), server, { ...variant, label: variantLabel('request-questions', variant) });
      const { page } = journey;
      const email = `demande.${variant.locale}.${variant.javaScript ? 'js' : 'nojs'}@example.org`;
      const arrival = isoDay(-40);
      await createAccount(journey, variant, `Chen Wei ${variant.locale.toUpperCase()}`, email);
      await server.database.db.updateTable('accounts').set({ email_verification_pending: 0 }).where('email', '=', email).execute();
      // Where « Adresse confirmée » leads: the sign-in page, then the request.
      await page.goto('/connexion?suivant=%2Fdemande');
      await journey.audit('connexion-nouvelle');
      await signInThenIdentify(journey, variant, email, arrival);
      await answerFirstAppointment(journey, variant);
      await checkRecap(journey, variant, arrival);
      await journey.done();
    });
  }
});

describe(`« Mes informations » and « Mes documents » (${dialectName})`, () => {
  for (const variant of [VARIANTS[2]]) {
    test(variantName(variant), async (t) => {
      const server = await startServer(t);
      const label = `profile-docs-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
      const journey = await Journey.open(browser(), server, { ...variant, label });
      const { page } = journey;
      await signIn(journey, 'john.doe@example.com', { locale: variant.locale });
      await journey.audit('accueil');

      // « Mon profil » → « Mes informations »: one error, then saved.
      await page.goto('/profil/informations');
      await journey.audit('mes-informations');
      await page.locator('#phone').fill('abc');
      await journey.navigates(() => page.locator('form[action="/profil/informations"] button[type=submit]').click());
      await page.locator('.app-error-summary a[href="#phone"]').waitFor();
      await journey.audit('mes-informations-erreur');
      await page.locator('#phone').fill('514 555-0100');
      await page.locator('#emailNotifications').uncheck();
      await journey.navigates(() => page.locator('form[action="/profil/informations"] button[type=submit]').click());
      assert.match(page.url(), /fait=enregistre/);
      await journey.audit('mes-informations-enregistre');
      assert.equal(await page.locator('#emailNotifications').isChecked(), false);

      // « Mes documents »: printable; in print, the shell and the data section are hidden.
      await page.goto('/mes-documents');
      await journey.audit('mes-documents');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.app-header').isVisible(), false);
      assert.equal(await page.locator('#documents-data').isVisible(), false);
      assert.equal(await page.locator('#documents-plan').isVisible(), true);
      await page.emulateMedia({ media: 'screen' });
      const download = await page.request.get('/mes-documents/mes-donnees.json');
      assert.equal(download.status(), 200);
      assert.equal((await download.json()).account.email, 'john.doe@example.com');
      await journey.done();
    });
  }
});
