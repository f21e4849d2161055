/**
 * Supervision settings, read and checked once at start (like services/settings.ts), and the plan owner's per-plan
 * settings (填报周期 and the light rule).
 *
 * ATTACHMENTS_DIR       store report attachments in this folder (default: in the database)
 * ATTACHMENT_MAX_MB     largest attachment accepted (default 10)
 * REMINDER_TIME         HH:MM (UTC) at which the server sends the daily reminders; "off" to disable (default 01:00 = 09:00 Beijing)
 * SMTP_URL, SMTP_FROM   send reminders by e-mail (smtp://user:pass@host:587); unset = written to the log
 */
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { getSettings, putSettings } from '../../db/supervision/settings';
import type { SupervisionSettings } from '../../domain/supervision/model';
import { audit, type AuditContext } from '../access/audit';
import { EVERY_PLAN, plansService, type PlanReader } from '../plans';
import { SettingsError } from '../settings';
import { actorOf, requireSupervisor } from './actor';

const env = z.object({
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(200).default(10),
  REMINDER_TIME: z.string().regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM or off').default('01:00'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  SMTP_FROM: z.string().min(3).optional(),
});

export interface SupervisionEnv {
  attachmentsDir: string | null;
  attachmentMaxBytes: number;
  reminderTime: string | null;
  smtp: { url: string; from: string } | null;
}

export function readSupervisionEnv(e: NodeJS.ProcessEnv = process.env): SupervisionEnv {
  const parsed = env.safeParse(e);
  if (!parsed.success) throw new SettingsError(parsed.error.issues.map((i) => `setting ${i.path.join('.')}: ${i.message}`).join('\n'));
  const s = parsed.data;
  if (s.SMTP_URL && !s.SMTP_FROM) throw new SettingsError('setting SMTP_FROM: required when SMTP_URL is set (the sender address)');
  return {
    attachmentsDir: s.ATTACHMENTS_DIR ? path.resolve(s.ATTACHMENTS_DIR) : null,
    attachmentMaxBytes: Math.round(s.ATTACHMENT_MAX_MB * 1024 * 1024),
    reminderTime: s.REMINDER_TIME === 'off' ? null : s.REMINDER_TIME,
    smtp: s.SMTP_URL && s.SMTP_FROM ? { url: s.SMTP_URL, from: s.SMTP_FROM } : null,
  };
}

export const settingsService = {
  async get(database: Database, planId: string, reader: PlanReader = EVERY_PLAN): Promise<SupervisionSettings> {
    await plansService.get(database, planId, reader);
    return getSettings(database.db, planId);
  },

  async put(database: Database, s: SupervisionSettings, ctx: AuditContext): Promise<SupervisionSettings> {
    await plansService.get(database, s.planId, EVERY_PLAN);
    return database.db.transaction(async (tx) => {
      const actor = await actorOf(tx, ctx.principal);
      requireSupervisor(actor);
      const old = await getSettings(tx, s.planId);
      await putSettings(tx, s, actor.principal.userId);
      await audit(tx, ctx, { action: 'supervision.settings', entity: 'plan', entityId: s.planId, oldValue: old, newValue: s });
      return getSettings(tx, s.planId);
    });
  },
};
