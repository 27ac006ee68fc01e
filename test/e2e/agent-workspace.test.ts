import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import { createBusinessCalendar } from '../../src/platform/business-time/business-calendar';
import { Journey, ROLE_JOURNEY, roleJourneyVariants, signIn, startServer, type Server, type Variant, VARIANTS, useBrowser, variantName } from './harness';

const LABELS = {
  fr: {
    queue: 'Ma file de travail',
    clients: 'Mes clients',
    take: /Prendre en charge la demande de Sam Nouveau/,
    propose: 'Proposer un rendez-vous',
    kind: 'Évaluation des besoins',
    date: 'Date',
    time: 'Heure',
    duration: 'Durée',
    mode: 'Téléphone',
    phone: 'Numéro de téléphone',
    submit: 'Proposer le rendez-vous',
    saved: /Le rendez-vous est enregistré/,
    planned: 'Planifié',
    newMessage: /Nouveau rendez-vous/,
    reproposal: /proposer un nouveau rendez-vous/,
    proposeToJohn: /Proposer un rendez-vous à John Doe/,
    cancel: 'Annuler',
    reason: "Raison de l'annulation",
    reasonChoice: 'Maladie',
    confirm: 'Confirmer',
    search: 'Rechercher une personne',
    searchButton: 'Rechercher',
  },
  en: {
    queue: 'My work queue',
    clients: 'My clients',
    take: /Take on the request of Sam Nouveau/,
    propose: 'Propose an appointment',
    kind: 'Needs assessment',
    date: 'Date',
    time: 'Time',
    duration: 'Duration',
    mode: 'Phone',
    phone: 'Phone number',
    submit: 'Propose the appointment',
    saved: /The appointment is saved/,
    planned: 'Scheduled',
    newMessage: /New appointment/,
    reproposal: /propose a new appointment/,
    proposeToJohn: /Propose an appointment to John Doe/,
    cancel: 'Cancel',
    reason: 'Reason for cancellation',
    reasonChoice: 'Illness',
    confirm: 'Confirm',
    search: 'Search for a client',
    searchButton: 'Search',
  },
} as const;

/** A business day two business days from now, in Québec: free for Marie at 14:00 and 15:00 in the demo data. */
async function freeBusinessDay(server: Server): Promise<string> {
  const closures = await server.database.db.selectFrom('closure_days').select('date').execute();
  const calendar = createBusinessCalendar({ closureDays: closures.map((c) => c.date), dayStartHour: 8, dayEndHour: 16 });
  return calendar.quebecDate(calendar.addBusinessDays(new Date(), 2));
}

describe(`the agents' workspace in a browser (${dialectName})`, () => {
  const browser = useBrowser();

  // At a desk: French with JS (by keyboard alone) and English without.
  for (const variant of roleJourneyVariants(VARIANTS[0], VARIANTS[2])) {
    const name = variantName(variant);
    // The French desktop journey with JavaScript is done by keyboard alone.
    const byKeyboard = variant.locale === 'fr' && variant.javaScript && variant.size === 'desktop';
    test(`${ROLE_JOURNEY} agent: Marie takes Sam's request and proposes his needs assessment; Sam sees it: ${name}${byKeyboard ? ', keyboard only' : ''}`, async (t) => {
      const server = await startServer(t);
      const L = LABELS[variant.locale];
      const day = await freeBusinessDay(server);
      const label = `workspace-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
      const marie = await Journey.open(browser(), server, { ...variant, label: `${label}-marie` });
      const { page } = marie;
      await signIn(marie, 'marie.tremblay@example.com', { locale: variant.locale, byKeyboard });
      await marie.audit('file-de-travail');
      await page.getByRole('heading', { name: L.queue }).waitFor();

      if (byKeyboard) {
        await marie.pressEnterOn(L.take);
        await marie.audit('dossier-sam');
        await marie.pressEnterOn(L.propose);
        await marie.audit('proposer');
        // « Évaluation des besoins » is preselected (Sam has attended none); the first free slot is a
        // link that fills the date and time, then Enter on the button proposes it.
        assert.equal(await page.getByRole('radio', { name: L.kind }).isChecked(), true);
        await marie.pressEnterOn(/ (à|at) \d{1,2}(:|\sh\s)\d\d/);
        await marie.audit('proposer-moment-choisi');
        assert.match(await page.getByLabel(L.date, { exact: true }).inputValue(), /^\d{4}-\d{2}-\d{2}$/);
        await marie.pressEnterOn(L.submit);
      } else {
        await marie.navigates(() => page.getByRole('button', { name: L.take }).click());
        await marie.audit('dossier-sam');
        await marie.navigates(() => page.getByRole('link', { name: L.propose }).click());
        await marie.audit('proposer');
        // A first try without a date: the error summary names the field, nothing is stored.
        await page.getByRole('radio', { name: L.kind }).check();
        await marie.navigates(() => page.getByRole('button', { name: L.submit }).click());
        await marie.audit('proposer-erreur');
        await page.locator('.app-error-summary a[href="#date"]').waitFor();
        await page.getByLabel(L.date, { exact: true }).fill(day);
        await page.getByLabel(L.time, { exact: true }).fill('14:00');
        await page.getByLabel(L.phone).fill('438 555-0177');
        await marie.navigates(() => page.getByRole('button', { name: L.submit }).click());
      }
      await marie.audit('rendez-vous-propose');
      await page.getByText(L.saved).waitFor();
      await marie.openMenuIfCollapsed();
      await marie.navigates(() => page.getByRole('navigation').getByRole('link', { name: L.queue, exact: true }).click());
      await marie.audit('file-apres');
      assert.equal(await page.getByText('Sam Nouveau').count(), 0, 'the request left the queue');
      await marie.done();

      const sam = await Journey.open(browser(), server, { ...variant, label: `${label}-sam` });
      await signIn(sam, 'sam.nouveau@example.com', { locale: variant.locale });
      await sam.audit('accueil');
      await sam.page.goto('/rendez-vous?onglet=planifie');
      await sam.audit('planifie');
      assert.equal(await sam.page.locator('tbody tr').count(), 1);
      await sam.page.goto('/messages');
      await sam.audit('messages');
      await sam.page.getByText(L.newMessage).first().waitFor();
      await sam.done();
      const mails = await server.database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'sam.nouveau@example.com').execute();
      assert.equal(mails.length, 1, 'one e-mail in the outbox');
    });
  }

  for (const variant of [VARIANTS[3]] as Variant[]) {
    const name = variantName(variant);
    test(`John cancels, Marie's queue shows it, she proposes another and the item closes; Luc cannot reach John: ${name}`, async (t) => {
      const server = await startServer(t);
      const L = LABELS[variant.locale];
      const day = await freeBusinessDay(server);
      const label = `reproposal-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
      const john = await Journey.open(browser(), server, { ...variant, label: `${label}-john` });
      await signIn(john, 'john.doe@example.com', { locale: variant.locale });
      await john.audit('accueil');
      const upcoming = await server.database.db.selectFrom('appointments').select('id').where('client_id', '=', server.demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
      await john.page.goto(`/rendez-vous/${upcoming.id}/annuler`);
      await john.audit('annuler');
      await john.page.getByLabel(L.reason).selectOption({ label: L.reasonChoice });
      await john.navigates(() => john.page.getByRole('button', { name: L.confirm }).click());
      await john.audit('annule');
      await john.done();

      const marie = await Journey.open(browser(), server, { ...variant, label: `${label}-marie` });
      const { page } = marie;
      await signIn(marie, 'marie.tremblay@example.com', { locale: variant.locale });
      await marie.audit('file');
      await page.getByText(L.reproposal).waitFor();
      // The queue's item opens the very form where the new appointment is proposed.
      await marie.navigates(() => page.getByRole('link', { name: L.proposeToJohn }).click());
      await marie.audit('proposer');
      await page.getByRole('radio', { name: variant.locale === 'fr' ? 'Suivi' : 'Follow-up' }).check();
      await page.getByLabel(L.date, { exact: true }).fill(day);
      await page.getByLabel(L.time, { exact: true }).fill('15:00');
      await marie.navigates(() => page.getByRole('button', { name: L.submit }).click());
      await marie.audit('propose');
      await page.goto('/espace');
      await marie.audit('file-apres');
      assert.equal(await page.getByText(L.reproposal).count(), 0, 'the cancellation item closed');
      await page.goto('/espace/clients');
      await marie.audit('clients');
      await page.getByLabel(L.search).fill('doe');
      await marie.navigates(() => page.getByRole('button', { name: L.searchButton }).click());
      await marie.audit('clients-recherche');
      await page.getByRole('link', { name: 'John Doe' }).waitFor();
      await marie.done();

      const luc = await Journey.open(browser(), server, { ...variant, label: `${label}-luc` });
      await signIn(luc, 'luc.gagnon@example.com', { locale: variant.locale });
      await luc.audit('file-luc');
      const response = await luc.page.goto(`/espace/clients/${server.demo.john.id}`);
      assert.equal(response?.status(), 404);
      await luc.audit('introuvable');
      await luc.done();
    });
  }
});
