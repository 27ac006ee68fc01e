import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { seedDemo } from '../../seed/demo';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { takeRequest } from '../requests/request.service';
import { type ClientListEntry, type ClientSort, clientList } from './client-list.service';

/** The same database, counting the statements it runs. */
function counting(db: Db): { db: Db; count: () => number } {
  let statements = 0;
  const counted = db.withPlugin({
    transformQuery: (args) => {
      statements += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  return { db: counted, count: () => statements };
}

describe(`« Mes clients » columns (${dialectName})`, () => {
  test('next appointment, plan state, languages, interpreter and accessibility needs, last contact — in the same number of queries for 4 clients as for all', async (t) => {
    const { db } = await testDatabase(t);
    const clock = movableClock(new Date('2026-12-02T15:00:00Z'));
    const demo = await seedDemo(db, clock);
    const marie: Actor = { role: 'agent', id: demo.marie.id };
    const manager: Actor = { role: 'manager', id: demo.admin.id };
    // Sam (interpreter in Spanish, speaks Spanish and French) becomes Marie's; Ana wrote about accessibility.
    const sam = await db.selectFrom('intake_requests').select('id').where('client_id', '=', demo.sam.id).executeTakeFirstOrThrow();
    assert.ok((await takeRequest(db, marie, sam.id, clock)).ok);
    const answers = {
      identification: { location: 'quebec', arrivalDate: '2026-10-15', status: 'resident_permanent', fileNumber: '', adults: 0, children: 0, languages: ['fr'], otherLanguages: 'Wolof' },
      firstAppointment: {
        mode: 'telephone',
        region: '',
        phone: '514 555-0100',
        timeZone: 'America/Toronto',
        days: ['lundi'],
        periods: ['matin'],
        interpreter: false,
        interpreterLanguage: '',
        accessibility: 'Fauteuil roulant',
      },
    };
    await db
      .updateTable('intake_requests')
      .set({ answers: JSON.stringify(answers) })
      .where('client_id', '=', demo.ana.id)
      .execute();

    const { db: counted, count } = counting(db);
    const list = await clientList(counted, marie, { page: 1, lang: 'fr' }, clock);
    const forMarie = count();
    const names = list.clients.map((client) => client.display_name);
    assert.deepEqual(names, ['Ana Silva', 'Jane Roe', 'John Doe', 'Sam Nouveau']);
    const of = (id: number) => list.details.get(id);

    const samRow = of(demo.sam.id);
    assert.equal(samRow?.interpreter, 'Espagnol');
    assert.deepEqual(samRow?.languages, ['espagnol', 'français']);
    assert.deepEqual(samRow?.plan, { kind: 'none' });
    assert.equal(samRow?.accessibility, null);
    assert.equal(samRow?.nextAppointmentAt, null);

    const anaRow = of(demo.ana.id);
    assert.equal(anaRow?.accessibility, 'Fauteuil roulant');
    assert.equal(anaRow?.interpreter, null);
    assert.deepEqual(anaRow?.languages, ['français', 'Wolof']);

    // John: published plan with the actions left to do, his next planned appointment, his last contact.
    const johnRow = of(demo.john.id);
    const toDo = await db
      .selectFrom('plan_actions')
      .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
      .select('plan_actions.id')
      .where('plans.client_id', '=', demo.john.id)
      .where('plan_actions.status', '=', 'a_faire')
      .execute();
    assert.deepEqual(johnRow?.plan, { kind: 'publie', toDo: toDo.length });
    assert.ok(toDo.length > 0);
    const next = await db
      .selectFrom('appointments')
      .select('starts_at')
      .where('client_id', '=', demo.john.id)
      .where('status', '=', 'planifie')
      .where('starts_at', '>', clock().toISOString())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    assert.equal(johnRow?.nextAppointmentAt, next.starts_at);
    const lastMessage = await db.selectFrom('messages').select('created_at').where('client_id', '=', demo.john.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    assert.ok(johnRow?.lastContactAt && johnRow.lastContactAt >= lastMessage.created_at, 'at least his latest message');

    // A manager's page holds more clients: the same number of statements (no query per client).
    const before = count();
    const all = await clientList(counted, manager, { page: 1, lang: 'en' }, clock);
    assert.ok(all.clients.length > list.clients.length);
    assert.equal(count() - before, forMarie, 'one query for the columns whatever the number of clients');
    assert.deepEqual(all.details.get(demo.sam.id)?.languages, ['Spanish', 'French']);
  });

  test('sorted by next appointment, last contact or plan state, either way: clients without a value last; the scope and the search hold', async (t) => {
    const { db } = await testDatabase(t);
    const clock = movableClock(new Date('2026-12-02T15:00:00Z'));
    const demo = await seedDemo(db, clock);
    const manager: Actor = { role: 'manager', id: demo.admin.id };
    const marie: Actor = { role: 'agent', id: demo.marie.id };
    const keyOf: Record<Exclude<ClientSort, 'name'>, (entry: ClientListEntry) => string | number | null> = {
      next: (entry) => entry.nextAppointmentAt,
      contact: (entry) => entry.lastContactAt,
      plan: (entry) => (entry.plan.kind === 'none' ? 0 : entry.plan.kind === 'brouillon' ? 1000 + entry.plan.toDo : 2000 + entry.plan.toDo),
    };
    for (const sort of ['next', 'contact', 'plan'] as const) {
      for (const descending of [false, true]) {
        const list = await clientList(db, manager, { page: 1, lang: 'fr', order: { sort, descending } }, clock);
        assert.equal(list.total, list.clients.length);
        const keys = list.clients.map((client) => keyOf[sort](list.details.get(client.id)!));
        const present = keys.filter((key) => key !== null);
        // Null keys come after every value, whatever the direction.
        assert.deepEqual(keys.slice(0, present.length), present, `${sort} ${descending ? 'desc' : 'asc'}: nulls last`);
        const sorted = [...present].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
        assert.deepEqual(present, descending ? sorted.reverse() : sorted, `${sort} ${descending ? 'desc' : 'asc'}`);
      }
    }
    // The demo has values to order: at least two distinct next appointments, contacts and plan states.
    const all = await clientList(db, manager, { page: 1, lang: 'fr' }, clock);
    for (const sort of ['next', 'contact', 'plan'] as const) assert.ok(new Set(all.clients.map((client) => keyOf[sort](all.details.get(client.id)!))).size >= 2, sort);

    for (const sort of ['name', 'next', 'contact', 'plan'] as const) {
      const mine = await clientList(db, marie, { page: 1, lang: 'fr', order: { sort, descending: true } }, clock);
      assert.deepEqual(mine.clients.map((client) => client.display_name).sort(), ['Ana Silva', 'Jane Roe', 'John Doe'], `${sort}: Marie’s caseload only`);
      const searched = await clientList(db, marie, { search: `AQ-${String(demo.john.id).padStart(6, '0')}`, page: 1, lang: 'fr', order: { sort, descending: false } }, clock);
      assert.deepEqual(
        searched.clients.map((client) => client.id),
        [demo.john.id],
      );
      const foreign = await clientList(db, marie, { search: 'amina', page: 1, lang: 'fr', order: { sort, descending: false } }, clock);
      assert.equal(foreign.total, 0, 'Luc’s client is not found by Marie');
    }
  });
});
