/**
 * The SYNTHETIC demo of a survey (合成数据): a panel drawn from the synthetic enterprises of the enterprise registry
 * (issue 18's sample, `npm start` loads it) and generated answers for every month of a span, loaded once into an empty
 * survey so the 景气 page, the cockpit card and the reports show the method working before real answers arrive.
 * Every member is a registry enterprise marked synthetic — never a real one — and the page and the reports say so.
 * Without synthetic enterprises in the survey's sections (a registry of real enterprises only) there is no demo.
 */
import type { Database } from '../../db/client';
import { tryWithoutRowTriggers, restoreRowTriggers } from '../../db/observations';
import { copyResponses, ensureWave, insertPanelMembers, itemKey, rebuildWaveTallies, responseLine, type WaveRow } from '../../db/prosperity';
import { registryFrameRows } from '../../db/prosperityRegistry';
import { drawPanel } from '../../domain/prosperity/sampling';
import { askedItems, type SurveyDefinition } from '../../domain/prosperity/survey';
import { syntheticAnswers } from '../../domain/prosperity/synthetic';
import { dayBefore, waveFirstDay, waveOfDay } from '../../domain/prosperity/waveDays';
import { periodOrdinal, periodRange } from '../../domain/prosperity/wavePeriod';

export interface DemoOptions {
  from: string;
  to: string;
  seed: number;
}

/** The plan period of the bundled plan, 2021–2025, monthly. */
export const DEFAULT_DEMO: DemoOptions = { from: '2021-01', to: '2025-12', seed: 19 };

export interface DemoReport {
  members: number;
  waves: number;
  answers: number;
}

/** Loads the demo into a survey without panel and waves; null when the registry has no synthetic enterprise to draw. */
export async function loadSyntheticDemo(database: Database, survey: SurveyDefinition, opts: DemoOptions = DEFAULT_DEMO): Promise<DemoReport | null> {
  const periods = periodRange([opts.from, opts.to], survey.frequency);
  const first = periods[0];
  if (!first) return null;
  const frame = await registryFrameRows(database.db, { at: waveFirstDay(first.code), synthetic: true });
  const panel = drawPanel(frame, survey.design, opts.seed);
  if (panel.members.length === 0) return null;
  // An enterprise that closes leaves the panel after the wave of the day before it closed: it answers no later wave.
  const closedOn = new Map(frame.map((m) => [m.uscc, m.closedOn]));
  const lastWave = panel.members.map((m) => {
    const closed = closedOn.get(m.uscc);
    return closed ? waveOfDay(dayBefore(closed), survey.frequency) : null;
  });
  const answers = syntheticAnswers(survey, panel.members, periods, opts.seed);
  const items = askedItems(survey);
  const ordinals = periods.map((p) => periodOrdinal(p, survey.frequency));
  const lastOrdinal = lastWave.map((w) => (w ? periodOrdinal(w, survey.frequency) : Number.POSITIVE_INFINITY));
  let written = 0;
  await database.db.transaction(async (tx) => {
    // The members' references to the registry are checked (foreign key) as they are written; then, for the bulk of
    // answers that refer only to rows this transaction has just written (panel, waves), the per-row foreign-key
    // triggers are off where the session may (as the observation import does), at about half the load time on the
    // embedded database. Constraints and indexes still apply.
    await insertPanelMembers(tx, database.driver, survey.code, panel.members.map((m, i) => ({ ...m, leftPeriod: lastWave[i]?.code ?? null })), first.code);
    const waves: WaveRow[] = [];
    for (const p of periods) waves.push(await ensureWave(tx, survey.code, p.code));
    const withoutTriggers = await tryWithoutRowTriggers(tx);
    // One questionnaire per enterprise and wave: the answers arrive ordered by period, then member.
    const lines: string[] = [];
    let current: Record<string, number> | null = null;
    let at = { period: -1, member: -1 };
    const flush = () => {
      const m = panel.members[at.member];
      if (current && m) {
        lines.push(responseLine(waves[at.period]?.id ?? 0, survey.code, m.uscc, current, null));
        written += Object.keys(current).length;
      }
    };
    for (let k = 0; k < answers.length; k++) {
      const period = answers.period[k] ?? 0;
      const member = answers.member[k] ?? 0;
      if (period !== at.period || member !== at.member) {
        flush();
        // A member past its last wave answers nothing (current stays null until the next member).
        current = (ordinals[period] ?? 0) <= (lastOrdinal[member] ?? 0) ? {} : null;
        at = { period, member };
      }
      const it = items[answers.item[k] ?? 0];
      if (it && current) current[itemKey(it.question.code, it.horizon)] = answers.answer[k] ?? 0;
    }
    flush();
    await copyResponses(tx, database.driver, lines.join(''));
    if (withoutTriggers) await restoreRowTriggers(tx);
    // The tallies, counted by the SQL every import runs: each wave groups by the registry version in force then.
    for (const w of waves) await rebuildWaveTallies(tx, w);
  });
  return { members: panel.members.length, waves: periods.length, answers: written };
}
