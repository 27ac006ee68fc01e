import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { dialectName } from '../helpers/database';
import { Journey, PHONE, signIn, startServer, useBrowser, variantName } from './harness';

const LABELS = {
  fr: {
    present: 'Présence',
    planLink: 'Voir et modifier le plan',
    create: 'Créer le plan',
    draft: 'Brouillon',
    published: 'Publié',
    addAction: 'Ajouter une action',
    catalogue: 'Action du catalogue',
    bank: 'Ouvrir un compte bancaire',
    prefill: 'Préremplir avec cette action',
    fromCatalogue: 'Ajouter des actions du catalogue',
    addChosen: 'Ajouter les actions choisies',
    colon: '\u202f: ',
    ramq: "S'inscrire à la RAMQ",
    french: "S'inscrire à un cours de français",
    domain: 'Domaine',
    employment: 'EMPLOI',
    settlement: 'INSTALLATION',
    title: 'Titre',
    dueOn: "À terminer d'ici le",
    usefulInfo: 'Informations utiles',
    add: "Ajouter l'action",
    titleRequired: "Entrez le titre de l'action.",
    addNote: 'Ajouter une note',
    noteInterne: 'Note interne',
    noteClient: 'Note au client',
    noteBody: 'Texte de la note',
    noteAdd: 'Ajouter la note',
    planCrumb: "Plan d'action individualisé",
    notesPlanLink: "Plan d'action",
    publish: 'Publier le plan',
    myActions: 'Mes actions',
    breadcrumb: "Fil d'Ariane",
  },
  en: {
    present: 'Present',
    planLink: 'See and edit the plan',
    create: 'Create the plan',
    draft: 'Draft',
    published: 'Published',
    addAction: 'Add an action',
    catalogue: 'Catalogue action',
    bank: 'Open a bank account',
    prefill: 'Fill in with this action',
    fromCatalogue: 'Add actions from the catalogue',
    addChosen: 'Add the chosen actions',
    colon: ': ',
    ramq: 'Register with the RAMQ',
    french: 'Enrol in a French course',
    domain: 'Domain',
    employment: 'EMPLOYMENT',
    settlement: 'SETTLEMENT',
    title: 'Title',
    dueOn: 'To be done by',
    usefulInfo: 'Useful information',
    add: 'Add the action',
    titleRequired: 'Enter the title of the action.',
    addNote: 'Add a note',
    noteInterne: 'Internal note',
    noteClient: 'Note to the client',
    noteBody: 'Text of the note',
    noteAdd: 'Add the note',
    planCrumb: 'Individualized action plan',
    notesPlanLink: 'Action plan',
    publish: 'Publish the plan',
    myActions: 'My actions',
    breadcrumb: 'Breadcrumb',
  },
} as const;

const CV = 'Préparer son CV québécois';
const INTERNAL = 'Note interne : Ana hésite entre deux métiers, à revoir.';
const FOR_CLIENT = 'Bienvenue Ana. Commencez par le compte bancaire, puis le CV.';

/** Today plus some days, as YYYY-MM-DD (the test runs in real time: the server's clock is the system's). */
function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

async function clickAndWait(journey: Journey, name: string, action: (page: Page) => Promise<unknown>) {
  await journey.navigates(() => action(journey.page));
  await journey.audit(name);
}

const VARIANTS = [{ locale: 'en', javaScript: false, viewport: PHONE, size: 'phone' }] as const;

describe(`an agent builds and publishes a client's plan (${dialectName})`, () => {
  const browser = useBrowser();

  for (const variant of VARIANTS) {
    test(`Marie records Ana's assessment, builds her plan (catalogue + free action, internal and client notes), publishes; Ana sees it without the internal note (${variantName(variant)})`, async (t) => {
      const server = await startServer(t);
      const labels = LABELS[variant.locale];
      const { ana } = server.demo;
      const assessment = await server.database.db.selectFrom('appointments').select('id').where('client_id', '=', ana.id).where('kind', '=', 'evaluation').executeTakeFirstOrThrow();
      const label = `agent-plan-${variant.locale}-${variant.javaScript ? 'js' : 'nojs'}-${variant.size}`;
      const journey = await Journey.open(browser(), server, { ...variant, label });
      const { page } = journey;
      await signIn(journey, 'marie.tremblay@example.com', { locale: variant.locale });
      await journey.audit('espace');

      // The outcome of the needs assessment, on the workspace's appointment page.
      await page.goto(`/espace/rendez-vous/${assessment.id}`);
      await journey.audit('rendez-vous');
      await clickAndWait(journey, 'resultat-present', (p) => p.getByRole('button', { name: labels.present, exact: true }).click());

      // From the client's file to the plan.
      await page.goto(`/espace/clients/${ana.id}`);
      await journey.audit('dossier');
      await clickAndWait(journey, 'plan-vide', (p) => p.getByRole('link', { name: labels.planLink }).click());
      await page.getByRole('heading', { level: 1, name: labels.planCrumb }).waitFor();
      await clickAndWait(journey, 'plan-cree', (p) => p.getByRole('button', { name: labels.create }).click());
      await page.getByText(labels.draft, { exact: true }).waitFor();

      // An action from the catalogue: choose, pre-fill (a GET form), add.
      await clickAndWait(journey, 'nouvelle-action', (p) => p.getByRole('link', { name: labels.addAction }).click());
      await page.getByLabel(labels.catalogue).selectOption({ label: labels.bank });
      await clickAndWait(journey, 'nouvelle-action-catalogue', (p) => p.getByRole('button', { name: labels.prefill }).click());
      assert.equal(await page.getByLabel(labels.title, { exact: true }).inputValue(), labels.bank);
      assert.match(await page.getByLabel(labels.dueOn, { exact: true }).inputValue(), /^\d{4}-\d{2}-\d{2}$/);
      await clickAndWait(journey, 'action-catalogue-ajoutee', (p) => p.getByRole('button', { name: labels.add }).click());
      await page.getByRole('heading', { level: 3, name: labels.bank }).waitFor();

      // A free action: a missing title first gets the error summary, then it is added.
      await clickAndWait(journey, 'nouvelle-action-libre', (p) => p.getByRole('link', { name: labels.addAction }).click());
      await page.getByLabel(labels.domain, { exact: true }).selectOption({ label: labels.employment });
      await page.getByLabel(labels.dueOn, { exact: true }).fill(inDays(30));
      await page.getByLabel(labels.usefulInfo, { exact: true }).fill('https://www.quebec.ca/emploi');
      await clickAndWait(journey, 'action-libre-erreur', (p) => p.getByRole('button', { name: labels.add }).click());
      await page.getByRole('link', { name: labels.titleRequired }).waitFor();
      await page.getByLabel(labels.title, { exact: true }).fill(CV);
      await clickAndWait(journey, 'action-libre-ajoutee', (p) => p.getByRole('button', { name: labels.add }).click());
      await page.getByRole('heading', { level: 3, name: CV }).waitFor();

      // Several catalogue actions at once, one with its suggested date and one without.
      await clickAndWait(journey, 'actions-catalogue', (p) => p.getByRole('link', { name: labels.fromCatalogue }).click());
      await page.getByLabel(labels.ramq, { exact: true }).check();
      await page.getByLabel(labels.french, { exact: true }).check();
      await page.getByLabel(`${labels.dueOn}${labels.colon}${labels.french}`, { exact: true }).fill('');
      await clickAndWait(journey, 'actions-catalogue-ajoutees', (p) => p.getByRole('button', { name: labels.addChosen }).click());
      for (const title of [labels.ramq, labels.french]) await page.getByRole('heading', { level: 3, name: title }).waitFor();

      // An internal note on the CV action, then a note to the client on the file.
      await clickAndWait(journey, 'nouvelle-note-interne', (p) => p.getByRole('link', { name: `${labels.addNote} : ${CV}` }).click());
      await page.getByLabel(labels.noteInterne).check();
      await page.getByLabel(labels.noteBody).fill(INTERNAL);
      await clickAndWait(journey, 'note-interne-ajoutee', (p) => p.getByRole('button', { name: labels.noteAdd }).click());
      await page.getByText(INTERNAL).waitFor();
      await clickAndWait(journey, 'nouvelle-note-client', (p) => p.getByRole('link', { name: labels.addNote, exact: true }).click());
      await page.getByLabel(labels.noteClient).check();
      await page.getByLabel(labels.noteBody).fill(FOR_CLIENT);
      await clickAndWait(journey, 'note-client-ajoutee', (p) => p.getByRole('button', { name: labels.noteAdd }).click());

      // Back to the plan, publish.
      await clickAndWait(journey, 'plan-brouillon', (p) => p.getByRole('link', { name: labels.notesPlanLink, exact: true }).click());
      await page.getByText(INTERNAL.slice(0, 40)).waitFor();
      await clickAndWait(journey, 'plan-publie', (p) => p.getByRole('button', { name: labels.publish }).click());
      await page.getByText(labels.published, { exact: true }).waitFor();
      await clickAndWait(journey, 'retour-dossier', (p) => p.getByRole('navigation', { name: labels.breadcrumb }).getByRole('link', { name: 'Ana Silva' }).click());
      assert.match(page.url(), new RegExp(`/espace/clients/${ana.id}$`));
      await journey.done();

      // Ana: her plan, the client note, never the internal one.
      const client = await Journey.open(browser(), server, { ...variant, label: `${label}-ana` });
      await signIn(client, 'ana.silva@example.com', { locale: variant.locale });
      await client.audit('accompagnement-quebec');
      await client.page.getByText(FOR_CLIENT.slice(0, 30)).first().waitFor();
      assert.equal(await client.page.getByText('Ana hésite').count(), 0);
      await client.navigates(() => client.page.getByRole('link', { name: labels.myActions }).click());
      await client.audit('mes-actions');
      for (const [domain, title] of [
        [labels.settlement, labels.bank],
        [labels.employment, CV],
      ] as const) {
        const details = client.page.locator('details.app-domain', { has: client.page.locator('summary', { hasText: domain }) });
        if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
        assert.ok((await details.locator('.app-action-list__title').allTextContents()).includes(title), title);
      }
      await client.navigates(() => client.page.getByRole('link', { name: CV }).click());
      await client.audit('action-cv');
      assert.equal(await client.page.getByText('Ana hésite').count(), 0, 'the internal note is not on the action page');
      await client.page.getByRole('link', { name: 'https://www.quebec.ca/emploi' }).waitFor();
      await client.done();
    });
  }
});
