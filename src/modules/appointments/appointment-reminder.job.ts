import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';
import { type ReminderPass, queueDueReminders } from './appointment-reminder.service';

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
 */
export function startReminderJob(options: ReminderJobOptions, { poll = true } = {}): ReminderJob {
  let stopped = false;
  let running: Promise<ReminderPass> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deps = { clock: options.clock, publicUrl: options.publicUrl, reminderHour: options.reminderHour };

  function runOnce(): Promise<ReminderPass> {
    running ??= queueDueReminders(options.db, deps, (appointmentId, err) => options.log?.warn({ appointmentId, err }, 'appointment reminder failed; the next pass tries again'))
      .then((pass) => {
        if (pass.queued > 0 || pass.failed > 0) options.log?.info({ ...pass }, 'appointment reminders queued');
        return pass;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  async function tick(): Promise<void> {
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
