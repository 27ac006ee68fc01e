import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';
import { type ReminderPass, queueDueReminders, reminderWindow } from './appointment-reminder.service';

export interface ReminderJobOptions {
  db: Db;
  clock: Clock;
  publicUrl: string;
  reminderHour: number;
  /** Time between passes; the first pass runs at once. */
  intervalMs: number;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface ReminderJob {
  /** One pass now (or the one in progress). */
  runOnce(): Promise<ReminderPass>;
  /** Stops the timer and waits for the pass in progress. */
  stop(): Promise<void>;
}

/**
 * The day-before reminders, every `intervalMs`, inside the server. Every process of a cluster may
 * run it: a reminder is written once whoever writes it (see appointment-reminder.service.ts).
 *
 * Once a day's pass has gone through without a failure, the process rests until the next day's
 * window: every appointment that pass must cover was booked before the window opened, so a later
 * pass that day could only find the same ones again — and on SQLite its scan of the appointments
 * (about 50 ms per 200,000 appointments, no index on the start time alone) would hold the event
 * loop every few minutes for nothing. A pass with a failure is retried at the next interval; a
 * restarted process runs the day's pass once more, which writes nothing twice. (So a person who
 * turns e-mail back on after that day's pass gets the reminders from the next day on.)
 */
export function startReminderJob(options: ReminderJobOptions, { poll = true } = {}): ReminderJob {
  let stopped = false;
  let running: Promise<ReminderPass> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deps = { clock: options.clock, publicUrl: options.publicUrl, reminderHour: options.reminderHour };

  /** Tomorrow's start (the window's `from`) once its pass went through without a failure. */
  let doneFor: string | undefined;

  async function pass(): Promise<ReminderPass> {
    const day = reminderWindow(options.clock(), options.reminderHour)?.from;
    if (day === undefined || day === doneFor) return { queued: 0, skipped: 0, failed: 0 };
    const result = await queueDueReminders(options.db, deps, (appointmentId, err) => options.log?.warn({ appointmentId, err }, 'appointment reminder failed; the next pass tries again'));
    if (result.failed === 0) doneFor = day;
    if (result.queued > 0 || result.failed > 0) options.log?.info({ ...result }, 'appointment reminders queued');
    return result;
  }

  function runOnce(): Promise<ReminderPass> {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      await runOnce();
    } catch (err) {
      options.log?.error({ err }, 'appointment reminder pass failed');
    }
    if (stopped) return;
    timer = setTimeout(tick, options.intervalMs);
    timer.unref(); // the server keeps the process alive, not this timer
  }
  if (poll) void tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
