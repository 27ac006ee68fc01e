import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { movableClock } from './app';
import { testDatabase } from './database';
import { seedDemo } from '../../src/seed/demo';
import type { Actor } from '../../src/platform/access/actor';
import { recordOutcome } from '../../src/modules/appointments/appointment-scheduling.service';

// Wednesday 2 December 2026, 10:00 in Québec: Ana's needs assessment was held the day before.
export const START = new Date('2026-12-02T15:00:00Z');

/** A seeded demo database, the actors, and a way to record Ana's assessment as attended. */
export async function planSetUp(t: TestContext) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const demo = await seedDemo(db, clock);
  const marie: Actor = { role: 'agent', id: demo.marie.id, ip: '203.0.113.7' };
  const luc: Actor = { role: 'agent', id: demo.luc.id };
  const manager: Actor = { role: 'manager', id: demo.admin.id };
  const ana: Actor = { role: 'client', id: demo.ana.id };
  const deps = { clock, publicUrl: 'https://aq.example.org' };
  async function attendAnaAssessment() {
    const appointment = await db.selectFrom('appointments').selectAll().where('client_id', '=', demo.ana.id).where('kind', '=', 'evaluation').executeTakeFirstOrThrow();
    const result = await recordOutcome(db, marie, { appointmentId: appointment.id, attended: true, version: appointment.version }, { ...deps, reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });
    assert.ok(result.ok, 'the outcome is recorded');
  }
  return { db, clock, demo, marie, luc, manager, ana, deps, attendAnaAssessment };
}
