import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { createBusinessCalendar } from '../../src/platform/business-time/business-calendar';
import { dialectName } from '../helpers/database';
import { Journey, ROLE_JOURNEY, roleJourneyVariants, type Server, signIn, startServer, useBrowser, VARIANTS, variantName } from './harness';

/**
 * The manager's side in a browser. The journeys are spread over the four variants
 * (FR/EN × JS/no-JS × phone/desktop) rather than each run in each, to keep the file near a
 * minute and a half; axe runs on every page, the /gestion pages included.
 */
const L = {
  fr: {
    staff: 'Personnel',
    add: 'Ajouter un membre du personnel',
    email: 'Adresse courriel',
    name: 'Nom',
    team: 'Équipe',
    send: "Envoyer l'invitation",
    password: 'Nouveau mot de passe',
    savePassword: 'Enregistrer le mot de passe',
    signIn: 'Se connecter',
    loginPassword: 'Mot de passe',
    setUp: 'Configurer maintenant',
    code: /Entrez le code à 6 chiffres/,
    turnOn: 'Activer',
    continue: 'Continuer',
    signInCode: 'Code',
    verify: 'Vérifier',
    reassign: 'Réassigner',
    confirmReassign: 'Confirmer la réassignation',
    caseloadOf: /Voir le portefeuille de Marie Tremblay/,
    target: 'Nouvelle agente ou nouvel agent',
    note: 'Note au dossier',
    clients: 'Mes clients',
    reference: 'Données de référence',
    reason: "Conflit d'horaire",
    retire: /Retirer Conflit d'horaire/,
    addClosure: 'Ajouter un jour de fermeture',
    date: 'Date',
    labelFr: 'Libellé en français',
    labelEn: 'Libellé en anglais',
    save: 'Enregistrer',
  },
  en: {
    staff: 'Staff',
    add: 'Add a staff member',
    email: 'Email address',
    name: 'Name',
    team: 'Team',
    send: 'Send the invitation',
    password: 'New password',
    savePassword: 'Save the password',
    signIn: 'Sign in',
    loginPassword: 'Password',
    setUp: 'Set it up now',
    code: /Enter the 6-digit code/,
    turnOn: 'Turn on',
    continue: 'Continue',
    signInCode: 'Code',
    verify: 'Verify',
    reassign: 'Reassign',
    confirmReassign: 'Confirm the reassignment',
    caseloadOf: /See the caseload of Marie Tremblay/,
    target: 'New agent',
    note: 'Note on the file',
    clients: 'My clients',
    reference: 'Reference data',
    reason: 'Scheduling conflict',
    retire: /Retire Scheduling conflict/,
    addClosure: 'Add a closure day',
    date: 'Date',
    labelFr: 'Label in French',
    labelEn: 'Label in English',
    save: 'Save',
  },
} as const;

const codeAt = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });

/** The left menu's entry, opened first at phone width with JS. */
async function menu(journey: Journey, name: string) {
  await journey.openMenuIfCollapsed();
  await journey.navigates(() => journey.page.locator('.app-sidenav').getByRole('link', { name, exact: true }).click());
}

/** The invitation link from the mail the manager's form put in the outbox (PUBLIC_URL → this server). */
async function invitationLink(server: Server, email: string): Promise<string> {
  const mail = await server.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const match = /https?:\/\/[^/\s]+(\/invitation\?jeton=[\w-]+)/.exec(mail.body_text);
  assert.ok(match, 'the invitation mail carries its link');
  return match[1];
}

describe(`the manager's side in a browser (${dialectName})`, () => {
  const browser = useBrowser();

  // ---- The manager invites an agent, who sets a password, enrols TOTP and signs in with a code ----
  // At a desk: French with JS and English without (the other two variants are the journeys below).
  for (const variant of roleJourneyVariants(VARIANTS[0], VARIANTS[2])) {
    test(`${ROLE_JOURNEY} manager: the manager invites an agent; she sets her password from the e-mail, enrols TOTP, signs in again with a code: ${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const T = L[variant.locale];
      const label = `manager-invite-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
      const admin = await Journey.open(browser(), server, { ...variant, label: `${label}-admin` });
      const { page } = admin;
      await signIn(admin, 'admin@example.com', { locale: variant.locale });
      await admin.audit('tableau-de-bord');
      await menu(admin, T.staff);
      await admin.audit('personnel');
      await admin.navigates(() => page.getByRole('link', { name: T.add }).click());
      await admin.audit('ajouter');
      const email = `nora.${variant.locale}@example.com`;
      // A first try without a team: the error summary names the field.
      await page.getByLabel(T.email, { exact: true }).fill(email);
      await page.getByLabel(T.name, { exact: true }).fill('Nora Nouvelle');
      await admin.navigates(() => page.getByRole('button', { name: T.send }).click());
      await admin.audit('ajouter-erreur');
      await page.locator('.app-error-summary a[href="#team"]').waitFor();
      // The team is chosen from the list the manager keeps in « Données de référence » (its name, in either language).
      await page.getByLabel(T.team, { exact: true }).selectOption({ label: 'Montréal Centre' });
      await admin.navigates(() => page.getByRole('button', { name: T.send }).click());
      await admin.audit('invitation-envoyee');
      await page.getByText(email, { exact: false }).first().waitFor();
      await admin.done();

      const nora = await Journey.open(browser(), server, { ...variant, label: `${label}-nora` });
      const p = nora.page;
      if (variant.locale === 'en') {
        // A newcomer reading in English switches the site to English first (the choice is remembered).
        await p.goto('/connexion');
        await nora.audit('connexion-fr');
        await nora.navigates(() => p.getByRole('button', { name: 'Display in English' }).click());
        await nora.audit('connexion-en');
      }
      await p.goto(await invitationLink(server, email));
      await nora.audit('invitation');
      const password = 'Une phrase de passe pour Nora 2026';
      await p.getByLabel(T.password).fill(password);
      await nora.navigates(() => p.getByRole('button', { name: T.savePassword }).click());
      await nora.audit('mot-de-passe-enregistre');
      await nora.navigates(() => p.getByRole('link', { name: T.signIn }).click());
      await nora.audit('connexion');
      await p.getByLabel(T.email).fill(email);
      await p.getByLabel(T.loginPassword, { exact: true }).fill(password);
      await nora.navigates(() => p.getByRole('button', { name: T.signIn }).click());
      await nora.audit('double-authentification-offerte');
      await nora.navigates(() => p.getByRole('link', { name: T.setUp }).click());
      await nora.audit('configurer');
      const secret = ((await p.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{32}$/);
      await p.getByLabel(T.code).fill(codeAt(secret, Date.now()));
      await nora.navigates(() => p.getByRole('button', { name: T.turnOn }).click());
      await nora.audit('codes-de-recuperation');
      assert.equal(await p.locator('.app-recovery-codes li').count(), 10);
      await nora.navigates(() => p.getByRole('link', { name: T.continue }).click());
      await nora.audit('apres-configuration');

      // Signed out, then in again: the password, then a code (a wrong one first).
      await p.goto('/deconnexion');
      await nora.audit('deconnexion');
      await nora.navigates(() => p.getByRole('button', { name: /^(Oui|Yes)$/ }).click());
      await nora.audit('deconnecte');
      await p.getByLabel(T.email).fill(email);
      await p.getByLabel(T.loginPassword, { exact: true }).fill(password);
      await nora.navigates(() => p.getByRole('button', { name: T.signIn }).click());
      await nora.audit('code');
      const next = codeAt(secret, Date.now() + 30_000); // the step after the one used to enrol: a code is never accepted twice
      await p.getByLabel(T.signInCode, { exact: true }).fill(next === '000000' ? '111111' : '000000');
      await nora.navigates(() => p.getByRole('button', { name: T.verify }).click());
      await nora.audit('code-refuse');
      await p.locator('.app-error-summary a[href="#code"]').waitFor();
      await p.getByLabel(T.signInCode, { exact: true }).fill(next);
      await nora.navigates(() => p.getByRole('button', { name: T.verify }).click());
      await nora.audit('file-de-travail');
      assert.equal(new URL(p.url()).pathname, '/espace');
      await nora.done();
    });
  }

  // ---- « Réassigner » John from Marie to Luc ----
  test(`the manager reassigns John from Marie to Luc: Luc's « Mes clients » lists him and his open work; Marie gets 404 on his file: ${variantName(VARIANTS[1])}`, async (t) => {
    const variant = VARIANTS[1];
    const server = await startServer(t);
    const T = L[variant.locale];
    const label = `manager-reassign-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
    // John cancels an appointment first: Marie owes him a new proposal, open work that must follow him.
    const upcoming = await server.database.db.selectFrom('appointments').select('id').where('client_id', '=', server.demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
    const john = await Journey.open(browser(), server, { ...variant, label: `${label}-john` });
    await signIn(john, 'john.doe@example.com', { locale: variant.locale });
    await john.audit('accueil');
    await john.page.goto(`/rendez-vous/${upcoming.id}/annuler`);
    await john.audit('annuler');
    await john.page.getByLabel("Raison de l'annulation").selectOption({ label: 'Maladie' });
    await john.navigates(() => john.page.getByRole('button', { name: 'Confirmer' }).click());
    await john.audit('annule');
    await john.done();

    const admin = await Journey.open(browser(), server, { ...variant, label: `${label}-admin` });
    const { page } = admin;
    await signIn(admin, 'admin@example.com', { locale: variant.locale });
    await admin.audit('tableau-de-bord');
    await menu(admin, T.reassign);
    await admin.audit('reassigner');
    await admin.navigates(() => page.getByRole('link', { name: T.caseloadOf }).click());
    await admin.audit('portefeuille-marie');
    await page.getByLabel(/John Doe/).check();
    await page.getByLabel(T.target).selectOption({ value: String(server.demo.luc.id) });
    await page.getByLabel(T.note).fill('Congé de Marie : Luc prend le relais.');
    await admin.navigates(() => page.getByRole('button', { name: T.reassign, exact: true }).click());
    await admin.audit('apercu');
    await admin.navigates(() => page.getByRole('button', { name: T.confirmReassign }).click());
    await admin.audit('reassigne');
    await page.locator('.app-notice').waitFor();
    await admin.done();

    const luc = await Journey.open(browser(), server, { ...variant, label: `${label}-luc` });
    await signIn(luc, 'luc.gagnon@example.com', { locale: variant.locale });
    await luc.audit('file-de-travail');
    await luc.page
      .locator('tr, .app-card, li, div', { hasText: /John Doe/ })
      .filter({ hasText: /proposer un nouveau rendez-vous|propose a new appointment/ })
      .first()
      .waitFor();
    await menu(luc, T.clients);
    await luc.audit('mes-clients');
    await luc.page.getByText('John Doe').first().waitFor();
    await luc.done();

    const marie = await Journey.open(browser(), server, { ...variant, label: `${label}-marie` });
    await signIn(marie, 'marie.tremblay@example.com', { locale: variant.locale });
    await marie.audit('file-de-travail');
    const response = await marie.page.goto(`/espace/clients/${server.demo.john.id}`);
    assert.equal(response?.status(), 404);
    await marie.audit('dossier-john-404');
    await marie.done();
  });

  // ---- A retired cancellation reason; a closure day that moves a due date ----
  test(`the manager retires a cancellation reason (clients no longer see it; John's old cancellation still does) and adds a closure day that moves a due date in Marie's queue: ${variantName(VARIANTS[2])}`, async (t) => {
    const variant = VARIANTS[2];
    const server = await startServer(t);
    const T = L[variant.locale];
    const label = `manager-reference-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
    const upcoming = await server.database.db.selectFrom('appointments').select('id').where('client_id', '=', server.demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();

    // Marie's queue before: Sam's request and its due moment.
    const marie = await Journey.open(browser(), server, { ...variant, label: `${label}-marie` });
    await signIn(marie, 'marie.tremblay@example.com', { locale: variant.locale });
    await marie.audit('file-avant');
    const samRow = marie.page.locator('tr', { hasText: 'Sam Nouveau' }).first();
    const dueBefore = (await samRow.textContent()) ?? '';

    const admin = await Journey.open(browser(), server, { ...variant, label: `${label}-admin` });
    const { page } = admin;
    await signIn(admin, 'admin@example.com', { locale: variant.locale });
    await admin.audit('tableau-de-bord');
    await menu(admin, T.reference);
    await admin.audit('reference');
    await admin.navigates(() => page.getByRole('button', { name: T.retire }).click());
    await admin.audit('raison-retiree');

    // The next business day after today becomes a closure day: everything due after it moves one business day.
    const closures = await server.database.db.selectFrom('closure_days').select('date').where('active', '=', 1).execute();
    const calendar = createBusinessCalendar({ closureDays: closures.map((c) => c.date), dayStartHour: 8, dayEndHour: 16 });
    const day = calendar.quebecDate(calendar.addBusinessDays(new Date(), 1));
    await admin.navigates(() => page.getByRole('link', { name: T.addClosure }).click());
    await admin.audit('ajouter-fermeture');
    await page.getByLabel(T.date, { exact: true }).fill(day);
    await page.getByLabel(T.labelFr).fill('Formation du personnel');
    await page.getByLabel(T.labelEn).fill('Staff training');
    await admin.navigates(() => page.getByRole('button', { name: T.save }).click());
    await admin.audit('fermeture-ajoutee');
    await page.locator('.app-notice').first().waitFor();
    await admin.done();

    await marie.navigates(() => marie.page.reload());
    await marie.audit('file-apres');
    const dueAfter = (await marie.page.locator('tr', { hasText: 'Sam Nouveau' }).first().textContent()) ?? '';
    assert.notEqual(dueAfter, dueBefore, `Sam's due moment moved (${dueBefore} → ${dueAfter})`);
    await marie.done();

    const john = await Journey.open(browser(), server, { ...variant, label: `${label}-john` });
    await signIn(john, 'john.doe@example.com', { locale: variant.locale });
    await john.audit('accueil');
    await john.page.goto(`/rendez-vous/${upcoming.id}/annuler`);
    await john.audit('annuler');
    const options = await john.page.locator('select option').allTextContents();
    assert.ok(options.length > 1, 'other reasons are offered');
    assert.ok(!options.includes(T.reason), 'the retired reason is not');
    await john.page.goto('/rendez-vous?onglet=termine');
    await john.audit('termine');
    await john.page.getByText(T.reason).first().waitFor();
    await john.done();
  });
});
