/**
 * Where reminders go: a notifier is pluggable. By default reminders are written to the log; with SMTP_URL and
 * SMTP_FROM set they are e-mailed to each unit's address (units/*.yaml `email`), through nodemailer.
 */
import type { SupervisionEnv } from './settings';
import type { UnitReminder } from './reminders';

export interface Notifier {
  name: string;
  send(reminder: UnitReminder, subject: string): Promise<{ delivered: boolean; detail: string }>;
}

export function logNotifier(log: (line: string) => void = (l) => console.log(l)): Notifier {
  return {
    name: 'log',
    async send(r, subject) {
      log(`${subject}\n${r.text}`);
      return { delivered: true, detail: 'written to the log' };
    },
  };
}

interface Transport {
  sendMail(m: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export function smtpNotifier(smtp: { url: string; from: string }, fallback: Notifier = logNotifier()): Notifier {
  let transport: Promise<Transport> | null = null;
  return {
    name: 'smtp',
    async send(r, subject) {
      if (!r.unit.email) return fallback.send(r, `${subject} (no e-mail address for ${r.unit.name.zh})`);
      transport ??= import('nodemailer').then((m) => m.default.createTransport(smtp.url) as unknown as Transport);
      await (await transport).sendMail({ from: smtp.from, to: r.unit.email, subject, text: r.text });
      return { delivered: true, detail: `e-mailed to ${r.unit.email}` };
    },
  };
}

export const notifierFor = (env: SupervisionEnv, log?: (line: string) => void): Notifier => (env.smtp ? smtpNotifier(env.smtp, logNotifier(log)) : logNotifier(log));
