/**
 * 催办提醒: what each unit must do and by when — tasks to sign for, reports due soon or late, nodes due or overdue,
 * notices awaiting a reply, escalations — as a text a supervision office would send (Chinese, with the English
 * below it on request). Read from the board, so the reminder says what the lights say.
 */
import type { Database } from '../../db/client';
import { listNotices } from '../../db/supervision/notices';
import { allUnits } from '../../db/supervision/units';
import { addDays } from '../../domain/supervision/dates';
import type { Unit } from '../../domain/supervision/model';
import type { Language } from '../../domain/text';
import { EVERY_PLAN, plansService } from '../plans';
import { loadBoard } from './board';

export interface ReminderItem {
  taskId: number;
  title: string;
  what: 'accept' | 'report_late' | 'report_due' | 'node_overdue' | 'node_due' | 'notice_reply' | 'escalated';
  late: boolean;
  due: string | null;
  text: string;
}

export interface UnitReminder {
  unit: Pick<Unit, 'id' | 'code' | 'name' | 'email'>;
  items: ReminderItem[];
  late: number;
  dueSoon: number;
  text: string;
}

export async function buildReminders(database: Database, planId: string, opts: { at?: Date; lang?: Language } = {}): Promise<{ planId: string; asOf: string; units: UnitReminder[] }> {
  const lang = opts.lang ?? 'zh';
  const plan = await plansService.get(database, planId, EVERY_PLAN);
  const board = await loadBoard(database, planId, { ...(opts.at ? { at: opts.at } : {}) });
  const today = board.asOf;
  const soon = addDays(today, board.settings.warnDays);
  const notices = await listNotices(database.db, { taskIds: board.tasks.map((t) => t.id) });
  const byUnit = new Map<number, ReminderItem[]>();
  const add = (unitId: number | null, item: ReminderItem) => {
    if (unitId === null) return;
    const list = byUnit.get(unitId) ?? [];
    list.push(item);
    byUnit.set(unitId, list);
  };
  for (const t of board.tasks) {
    if (t.state === 'completed' || t.state === 'unassigned') continue;
    const title = lang === 'zh' ? t.title.zh : t.title.en;
    const u = t.leadUnitId;
    if (t.state === 'assigned') add(u, { taskId: t.id, title, what: 'accept', late: false, due: null, text: lang === 'zh' ? `${title}：已交办，请签收` : `${title}: assigned, please accept` });
    for (const r of t.reasons) {
      if (r.code === 'report_missing' || r.code === 'node_overdue') add(u, { taskId: t.id, title, what: r.code === 'report_missing' ? 'report_late' : 'node_overdue', late: true, due: null, text: `${title}${lang === 'zh' ? '：' : ': '}${r.text[lang]}` });
      if (r.code === 'node_due_soon') add(u, { taskId: t.id, title, what: 'node_due', late: false, due: null, text: `${title}${lang === 'zh' ? '：' : ': '}${r.text[lang]}` });
    }
    if (t.nextDue && t.nextDue.due <= soon && t.state !== 'assigned') {
      add(u, { taskId: t.id, title, what: 'report_due', late: false, due: t.nextDue.due, text: lang === 'zh' ? `${title}：请于${t.nextDue.due}前报送${t.nextDue.code}进度` : `${title}: report ${t.nextDue.code} by ${t.nextDue.due}` });
    }
    for (const n of notices.filter((x) => x.taskId === t.id && (x.state === 'issued' || x.state === 'returned'))) {
      const late = n.replyBy < today;
      add(u, { taskId: t.id, title, what: 'notice_reply', late, due: n.replyBy, text: lang === 'zh' ? `${title}：督办单第${n.seq}号请于${n.replyBy}前回复${late ? '（已逾期）' : ''}` : `${title}: reply to notice no. ${n.seq} by ${n.replyBy}${late ? ' (overdue)' : ''}` });
    }
    if (t.escalated) add(u, { taskId: t.id, title, what: 'escalated', late: true, due: null, text: lang === 'zh' ? `${title}：督办单两次逾期未回复，已提级督办` : `${title}: two notices missed, escalated` });
  }
  const units = new Map((await allUnits(database.db)).map((x) => [x.id, x]));
  const out: UnitReminder[] = [];
  for (const [unitId, items] of byUnit) {
    const unit = units.get(unitId);
    if (!unit) continue;
    const late = items.filter((i) => i.late);
    const rest = items.filter((i) => !i.late);
    out.push({ unit: { id: unit.id, code: unit.code, name: unit.name, email: unit.email }, items, late: late.length, dueSoon: rest.length, text: noticeText(unit, plan.name[lang], today, late, rest, lang) });
  }
  out.sort((a, b) => b.late - a.late || a.unit.id - b.unit.id);
  return { planId, asOf: today, units: out };
}

function noticeText(unit: Unit, planName: string, today: string, late: ReminderItem[], rest: ReminderItem[], lang: Language): string {
  const list = (items: ReminderItem[]) => items.map((i, n) => `${n + 1}. ${i.text}`);
  if (lang === 'en') {
    return [
      `[Supervision reminder] ${unit.name.en}:`,
      `As of ${today}, the following items of the ${planName} need your action.`,
      ...(late.length > 0 ? [`Overdue (${late.length}):`, ...list(late)] : []),
      ...(rest.length > 0 ? [`Due soon or to do (${rest.length}):`, ...list(rest)] : []),
      'Please sign in to Plan Monitor to act on them.',
    ].join('\n');
  }
  const sections: string[] = [];
  const heads = ['一', '二'];
  let h = 0;
  if (late.length > 0) sections.push(`${heads[h++]}、逾期事项（${late.length}项）`, ...list(late));
  if (rest.length > 0) sections.push(`${heads[h++]}、即将到期及待办事项（${rest.length}项）`, ...list(rest));
  return [`【督办提醒】${unit.name.zh}：`, `截至${today}，《${planName}》有以下事项需要贵单位办理：`, ...sections, '请登录规划监测评估平台及时办理。'].join('\n');
}
