import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { QUEBEC_ZONE } from '../../src/platform/business-time/quebec-time';
import { dialectName } from '../helpers/database';
import { Journey, signIn, startServer, useBrowser, type Variant, VARIANTS, variantName } from './harness';

describe(`« Proposer un rendez-vous » with free slots in a browser (${dialectName})`, () => {
  const browser = useBrowser();

  // French, on a phone, without JavaScript: the slots are links, the refusal a page.
  for (const variant of [VARIANTS[1]] as Variant[]) {
    test(`Marie proposes Sam's assessment by picking the first free slot in his availability, after a typed moment is refused with its clash and three free slots: ${variantName(variant)}`, async (t) => {
      const server = await startServer(t);
      const { db } = server.database;
      const janes = await db
        .selectFrom('appointments')
        .select(['starts_at', 'ends_at'])
        .where('client_id', '=', server.demo.jane.id)
        .where('agent_id', '=', server.demo.marie.id)
        .where('status', '=', 'planifie')
        .orderBy('starts_at')
        .executeTakeFirstOrThrow();
      const janeStart = DateTime.fromISO(janes.starts_at, { zone: QUEBEC_ZONE });

      const marie = await Journey.open(browser(), server, { ...variant, label: 'scheduling-marie' });
      const { page } = marie;
      await signIn(marie, 'marie.tremblay@example.com');
      await marie.audit('file-de-travail');
      await marie.navigates(() => page.getByRole('button', { name: /Prendre en charge la demande de Sam Nouveau/ }).click());
      await marie.audit('dossier-sam');
      await marie.navigates(() => page.getByRole('link', { name: 'Proposer un rendez-vous' }).click());
      await marie.audit('proposer');
      assert.equal(await page.getByRole('radio', { name: 'Évaluation des besoins' }).isChecked(), true, 'preselected: Sam attended no assessment');
      await page.getByText('Oui — Espagnol').waitFor();

      // A typed moment on Jane's assessment: refused, the clash named, three free slots offered.
      await page.getByLabel('Date', { exact: true }).fill(janeStart.toISODate() ?? '');
      await page.getByLabel('Heure', { exact: true }).fill(janeStart.toFormat('HH:mm'));
      await marie.navigates(() => page.getByRole('button', { name: 'Proposer le rendez-vous' }).click());
      await marie.audit('proposer-refus');
      const janeEnd = DateTime.fromISO(janes.ends_at, { zone: QUEBEC_ZONE });
      await page
        .getByText(`Rendez-vous avec Jane Roe de ${janeStart.hour} h ${janeStart.toFormat('mm')} à ${janeEnd.hour} h ${janeEnd.toFormat('mm')}`)
        .first()
        .waitFor();
      assert.equal(await page.locator('.app-free-slots-nearest a').count(), 3);

      // The first free slot inside Sam's stated availability (Tuesday and Thursday afternoons), one click.
      const first = page.locator('.app-free-slots-section li').filter({ hasText: 'Dans les disponibilités de la personne' }).first().getByRole('link');
      await marie.navigates(() => first.click());
      await marie.audit('proposer-moment-choisi');
      const date = await page.getByLabel('Date', { exact: true }).inputValue();
      const time = await page.getByLabel('Heure', { exact: true }).inputValue();
      assert.equal(await page.getByRole('radio', { name: 'Évaluation des besoins' }).isChecked(), true);
      await marie.navigates(() => page.getByRole('button', { name: 'Proposer le rendez-vous' }).click());
      await marie.audit('rendez-vous-propose');
      await page.getByText(/Le rendez-vous est enregistré/).waitFor();
      await marie.done();

      const booked = await db.selectFrom('appointments').select(['kind', 'starts_at']).where('client_id', '=', server.demo.sam.id).executeTakeFirstOrThrow();
      const start = DateTime.fromISO(booked.starts_at, { zone: QUEBEC_ZONE });
      assert.equal(booked.kind, 'evaluation');
      assert.deepEqual([start.toISODate(), start.toFormat('HH:mm')], [date, time]);
      assert.ok([2, 4].includes(start.weekday) && start.hour >= 13, `${booked.starts_at} is a Tuesday or Thursday afternoon`);
    });
  }
});
