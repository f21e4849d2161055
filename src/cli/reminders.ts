/** The server's daily reminder job (issue 16), started by `serve`: REMINDER_TIME (UTC), the notifier from SMTP_URL. */
import type { Database } from '../db/client';
import { notifierFor } from '../services/supervision/notifier';
import { startReminderJob } from '../services/supervision/remind';
import { readSupervisionEnv } from '../services/supervision/settings';

export async function startReminders(database: Database): Promise<{ stop(): void } | null> {
  const env = readSupervisionEnv();
  if (env.reminderTime === null) return null;
  const log = (line: string) => console.log(`[reminders] ${line}`);
  const job = startReminderJob(database, notifierFor(env, log), env.reminderTime, log);
  console.log(`  reminders: daily at ${env.reminderTime} UTC through ${env.smtp ? 'SMTP' : 'the log'} (next ${job.next().toISOString()})`);
  return job;
}
