/** Sends the reminders of every plan (or one) through a notifier: the CLI's `tasks remind` and the server's daily job. */
import type { Database } from '../../db/client';
import { EVERY_PLAN, plansService } from '../plans';
import type { Notifier } from './notifier';
import { buildReminders } from './reminders';

export async function sendReminders(database: Database, notifier: Notifier, opts: { planId?: string; at?: Date } = {}): Promise<Array<{ planId: string; unit: string; items: number; delivered: boolean; detail: string }>> {
  const plans = opts.planId ? [await plansService.get(database, opts.planId, EVERY_PLAN)] : await plansService.list(database, EVERY_PLAN);
  const sent: Array<{ planId: string; unit: string; items: number; delivered: boolean; detail: string }> = [];
  for (const plan of plans) {
    const r = await buildReminders(database, plan.id, opts.at ? { at: opts.at } : {});
    for (const u of r.units) {
      const subject = `【督办提醒】${plan.shortName?.zh ?? plan.name.zh}：逾期${u.late}项，待办${u.dueSoon}项（${r.asOf}）`;
      try {
        const res = await notifier.send(u, subject);
        sent.push({ planId: plan.id, unit: u.unit.name.zh, items: u.items.length, ...res });
      } catch (e) {
        sent.push({ planId: plan.id, unit: u.unit.name.zh, items: u.items.length, delivered: false, detail: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return sent;
}

/**
 * The daily job inside the server: at HH:MM (UTC) every day, send every plan's reminders. The timer does not keep
 * the process alive; `stop` cancels it (the server stops it when it closes).
 */
export function startReminderJob(database: Database, notifier: Notifier, time: string, log: (line: string) => void): { stop(): void; next(): Date } {
  let timer: NodeJS.Timeout | null = null;
  const next = (): Date => {
    const [h = 0, m = 0] = time.split(':').map(Number);
    const now = new Date();
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), h, m));
    if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
    return at;
  };
  const schedule = () => {
    timer = setTimeout(() => {
      sendReminders(database, notifier)
        .then((sent) => log(`reminders sent: ${sent.length} units (${sent.filter((s) => !s.delivered).length} not delivered)`))
        .catch((e: unknown) => log(`reminders failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(schedule);
    }, next().getTime() - Date.now());
    timer.unref();
  };
  schedule();
  return { stop: () => (timer ? clearTimeout(timer) : undefined), next };
}
