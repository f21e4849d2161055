/**
 * The SYNTHETIC demo of a survey (合成数据): a panel drawn from a generated frame of enterprises and their answers for
 * every month of a span, loaded once into an empty survey so the 景气 page, the cockpit card and the reports show
 * the method working before real answers arrive. Every member is marked synthetic; the page and the reports say so.
 * When the enterprise database (issue 18) is merged, the panel is drawn from its registry instead
 * (services/prosperity/panel.ts takes any frame).
 */
import type { Database } from '../../db/client';
import { tryWithoutRowTriggers, restoreRowTriggers } from '../../db/observations';
import { copyResponses, copyTallies, ensureWave, insertPanelMembers, itemKey, responseLine } from '../../db/prosperity';
import { drawPanel } from '../../domain/prosperity/sampling';
import { askedItems, type SurveyDefinition } from '../../domain/prosperity/survey';
import { syntheticAnswers, syntheticFrame } from '../../domain/prosperity/synthetic';
import { tallyAnswers } from '../../domain/prosperity/tallyAnswers';
import { periodRange } from '../../domain/prosperity/wavePeriod';

export interface DemoOptions {
  /** Enterprises in the synthetic frame the panel is drawn from. */
  frame: number;
  from: string;
  to: string;
  seed: number;
}

/** The plan period of the bundled plan, 2021–2025, monthly, from a frame of 2,000 enterprises. */
export const DEFAULT_DEMO: DemoOptions = { frame: 2000, from: '2021-01', to: '2025-12', seed: 19 };

export async function loadSyntheticDemo(database: Database, survey: SurveyDefinition, opts: DemoOptions = DEFAULT_DEMO): Promise<{ members: number; waves: number; answers: number }> {
  const periods = periodRange([opts.from, opts.to], survey.frequency);
  const panel = drawPanel(syntheticFrame(opts.frame, opts.seed), survey.design, opts.seed);
  const answers = syntheticAnswers(survey, panel.members, periods, opts.seed);
  const items = askedItems(survey);
  await database.db.transaction(async (tx) => {
    // Every reference below is to a row this transaction has just written (panel, waves): the per-row foreign-key
    // triggers would check what is known, at about half the load time on the embedded database. Where the session
    // may (as the observation import does), they are off for these inserts; constraints and indexes still apply.
    const withoutTriggers = await tryWithoutRowTriggers(tx);
    await insertPanelMembers(tx, database.driver, survey.code, panel.members, periods[0]?.code ?? opts.from, true);
    const waveIds: number[] = [];
    for (const p of periods) waveIds.push((await ensureWave(tx, survey.code, p.code)).id);
    // One questionnaire per enterprise and wave: the answers arrive ordered by period, then member.
    const lines: string[] = [];
    let current: Record<string, number> | null = null;
    let at = { period: -1, member: -1 };
    const flush = () => {
      const m = panel.members[at.member];
      if (current && m) lines.push(responseLine(waveIds[at.period] ?? 0, survey.code, m.uscc, current, null));
    };
    for (let k = 0; k < answers.length; k++) {
      const period = answers.period[k] ?? 0;
      const member = answers.member[k] ?? 0;
      if (period !== at.period || member !== at.member) {
        flush();
        current = {};
        at = { period, member };
      }
      const it = items[answers.item[k] ?? 0];
      if (it && current) current[itemKey(it.question.code, it.horizon)] = answers.answer[k] ?? 0;
    }
    flush();
    await copyResponses(tx, database.driver, lines.join(''));
    // The tallies, counted here from the same answers (a test proves rebuildWaveTallies counts the same cells).
    const key = (c: { period: string; question: string; horizon: string; group: string }) => `${c.period}|${c.question}|${c.horizon}|${c.group}`;
    const byRevenue = tallyAnswers({ ...survey, settings: { ...survey.settings, weight: 'revenue' } }, panel.members, periods, answers);
    const byEmployees = new Map(tallyAnswers({ ...survey, settings: { ...survey.settings, weight: 'employees' } }, panel.members, periods, answers).map((c) => [key(c), c.tally]));
    const waveOf = new Map(periods.map((p, i) => [p.code, waveIds[i] ?? 0]));
    await copyTallies(
      tx,
      database.driver,
      byRevenue.map((c) => ({ waveId: waveOf.get(c.period) ?? 0, item: itemKey(c.question, c.horizon), group: c.group, revenue: c.tally, employees: byEmployees.get(key(c)) ?? c.tally })),
    );
    if (withoutTriggers) await restoreRowTriggers(tx);
  });
  return { members: panel.members.length, waves: periods.length, answers: answers.length };
}
