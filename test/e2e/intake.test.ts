import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import type { Page } from 'playwright-core';
import { translator } from '../../src/platform/i18n/translate';
import { zoneLabel } from '../../src/platform/i18n/time-zones';
import { calendarDate } from '../../src/modules/requests/views/request-pages';
import { Journey, ROLE_JOURNEY, roleJourneyVariants, signIn, startServer, type Server, VARIANTS, useBrowser, variantName } from './harness';

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

describe(`becoming a client: account, address confirmed, the request in three steps, the team queue (${dialectName})`, () => {
  const browser = useBrowser();

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

      // « Créer un compte » from the sign-in page.
      await page.goto('/connexion');
      if (variant.locale === 'en') {
        await journey.audit('connexion-fr');
        await journey.navigates(() => page.getByRole('button', { name: 'Display in English' }).click());
      }
      await journey.audit('connexion');
      await journey.navigates(() => page.getByRole('link', { name: labels.create }).click());
      await journey.audit('creer-un-compte');
      await page.locator('#name').fill(name);
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(PASSWORD);
      // « Afficher le mot de passe »: with JavaScript it shows what was typed; without, no button.
      const showPassword = page.getByRole('button', { name: labels.showPassword });
      if (variant.javaScript) {
        await showPassword.click();
        assert.equal(await page.locator('#password').getAttribute('type'), 'text');
        assert.equal(await showPassword.count(), 0, 'the label now says « Masquer le mot de passe »');
        await page.locator('.app-password-input [aria-live="polite"]').getByText(translator(variant.locale)('password.toggle.shown')).waitFor();
      } else assert.equal(await showPassword.isVisible(), false);
      await page.getByLabel(labels.language).check();
      await journey.navigates(() => page.getByRole('button', { name: labels.createSubmit }).click());
      await journey.audit('courriel-envoye');

      // The link from the outbox; the page it opens has one button.
      await page.goto(await confirmationLink(server, email));
      await journey.audit('confirmer-adresse');
      await journey.navigates(() => page.getByRole('button', { name: labels.confirm }).click());
      await journey.audit('adresse-confirmee');
      await journey.navigates(() => page.getByRole('link', { name: labels.signIn }).click());
      await journey.audit('connexion-nouvelle');
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(PASSWORD);
      await journey.navigates(() => page.getByRole('button', { name: labels.signIn }).click());
      // The notice of collection comes before the first question.
      assert.match(page.url(), /\/demande\/avis-de-collecte$/);
      await journey.audit('avis-de-collecte');
      await journey.navigates(() => page.getByRole('link', { name: labels.start }).click());
      assert.match(page.url(), /\/demande\/identification$/);
      await journey.audit('identification');

      // « Identification », with one error corrected: an arrival in the future while in Québec.
      await page.locator('#location-quebec').check();
      await fillDate(page, 'arrivalDate', isoDay(30));
      await page.locator('#status').selectOption('travailleur_temporaire');
      await page.locator('#adults').fill('1');
      await page.locator('#children').fill('1');
      await page.locator('#languages-ar').check();
      await page.locator('#languages-fr').check();
      await journey.navigates(() => page.getByRole('button', { name: labels.next }).click());
      await page.locator('.app-error-summary').getByText(labels.futureError).waitFor();
      await journey.audit('identification-erreur');
      await fillDate(page, 'arrivalDate', isoDay(-40));
      await journey.navigates(() => page.getByRole('button', { name: labels.next }).click());
      assert.match(page.url(), /\/demande\/premier-rendez-vous$/);
      await journey.audit('premier-rendez-vous');

      // Leave in the middle, come back to the draft from « Mes dossiers ».
      await page.goto('/accompagnement-quebec');
      await journey.audit('accueil');
      await journey.openMenuIfCollapsed();
      await journey.navigates(() => page.getByRole('link', { name: labels.files }).click());
      await journey.audit('mes-dossiers-brouillon');
      await journey.navigates(() => page.getByRole('link', { name: labels.resume }).click());
      assert.match(page.url(), /\/demande\/premier-rendez-vous$/);
      await journey.audit('premier-rendez-vous-repris');

      // « Premier rendez-vous », then « Récapituler la demande ».
      // « Région » and « Langue de l'interprète » are revealed by their answer with JavaScript, always shown without.
      assert.equal(await page.locator('#region').isVisible(), !variant.javaScript);
      await page.locator('#mode-en_personne').check();
      await page.locator('#region').waitFor({ state: 'visible' });
      if (variant.javaScript) assert.equal(await page.locator('#mode-en_personne').getAttribute('aria-controls'), 'mode-en_personne-conditional');
      await page.locator('#mode-telephone').check();
      assert.equal(await page.locator('#region').isVisible(), !variant.javaScript);
      await page.locator('#phone').fill('+212 6 12 34 56 78');
      await page.locator('#timeZone').selectOption('Africa/Casablanca');
      await page.locator('#days-mardi').check();
      await page.locator('#days-jeudi').check();
      await page.locator('#periods-matin').check();
      assert.equal(await page.locator('#interpreterLanguage').isVisible(), !variant.javaScript);
      await page.locator('#interpreter-oui').check();
      await page.locator('#interpreterLanguage').fill('Arabe');
      await journey.navigates(() => page.getByRole('button', { name: labels.next }).click());
      assert.match(page.url(), /\/demande\/recapitulatif$/);
      await page.getByRole('heading', { level: 1, name: labels.summary }).waitFor();
      await page.getByText('+212 6 12 34 56 78').waitFor();
      // The recap in words: the arrival date written out, the zone by country and city.
      await page.getByText(calendarDate(isoDay(-40), variant.locale), { exact: true }).waitFor();
      await page.getByText(zoneLabel('Africa/Casablanca', variant.locale), { exact: true }).waitFor();
      await journey.audit('recapitulatif');
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
});

describe(`« Mes informations » and « Mes documents » (${dialectName})`, () => {
  const browser = useBrowser();

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
