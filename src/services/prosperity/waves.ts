/** Survey waves: opening one for a period, listing them with their response counts, and a wave's response rates. */
import type { Database, Db } from '../../db/client';
import { ensureWave, getWave, listWaves, responseRates, type ResponseRateRow, type WaveRow, type WaveSummaryRow } from '../../db/prosperity';
import { listRegions } from '../../db/regions';
import { groupLabel } from '../../domain/prosperity/groups';
import { parseWavePeriod } from '../../domain/prosperity/wavePeriod';
import type { LocalizedText } from '../../domain/text';
import { audit, SYSTEM, type AuditContext } from '../access/audit';
import { BadRequestError, NotFoundError } from '../errors';
import { getSurvey } from './surveys';

/** Opens the wave of a period (2024-03 for a monthly survey, 2024Q1 for a quarterly one); an existing wave is returned as it is. */
export async function openWave(database: Database, surveyCode: string, periodText: string, who: AuditContext = SYSTEM): Promise<WaveRow & { created: boolean }> {
  const period = await wavePeriodOf(database, surveyCode, periodText);
  return database.db.transaction((tx) => openWaveIn(tx, surveyCode, period, who));
}

/** The period of a wave of this survey, checked and written as the survey's frequency writes it (2024-03, 2024Q1). */
export async function wavePeriodOf(database: Database, surveyCode: string, periodText: string): Promise<string> {
  const survey = await getSurvey(database, surveyCode);
  const p = parseWavePeriod(periodText, survey.frequency);
  if (!p.ok) throw new BadRequestError(`period: ${p.error}`);
  return p.value.code;
}

/** Opens (audited) the wave of a checked period in the caller's transaction; an existing wave is returned as it is. */
export async function openWaveIn(tx: Db, surveyCode: string, period: string, who: AuditContext): Promise<WaveRow & { created: boolean }> {
  const wave = await ensureWave(tx, surveyCode, period);
  if (wave.created) await audit(tx, who, { action: 'survey_wave_opened', entity: 'survey_wave', entityId: wave.id, newValue: { survey: surveyCode, period: wave.period } });
  return wave;
}

export async function waveList(database: Database, surveyCode: string, limit: number, before: string | null): Promise<WaveSummaryRow[]> {
  await getSurvey(database, surveyCode);
  return listWaves(database.db, surveyCode, limit, before);
}

/** A wave as the API and the CLI list it: its panel, responses and response rate. */
export const waveSummaryOf = (w: WaveSummaryRow): { id: number; period: string; panel: number; responded: number; rate: number | null } => ({
  id: w.id, period: w.period, panel: w.panel, responded: w.responded, rate: w.panel > 0 ? w.responded / w.panel : null,
});

export interface WaveResponseRates {
  wave: WaveRow;
  rows: Array<ResponseRateRow & { rate: number | null }>;
}

/** Response rates of a wave for all members and by industry section, size class and district. */
export async function waveResponseRates(database: Database, waveId: number): Promise<WaveResponseRates> {
  const wave = await getWave(database.db, waveId);
  if (!wave) throw new NotFoundError(`no survey wave ${waveId}`);
  const rows = await responseRates(database.db, wave);
  return { wave, rows: rows.map((r) => ({ ...r, rate: r.panel > 0 ? r.responded / r.panel : null })) };
}

/** A wave's response rates as the API and the CLI show them: each group with its label in both languages (a district by its name). */
export async function labelledResponseRates(database: Database, waveId: number): Promise<{ wave: { id: number; survey: string; period: string }; rows: Array<{ group: string; label: LocalizedText; panel: number; responded: number; rate: number | null }> }> {
  const r = await waveResponseRates(database, waveId);
  const regions = new Map((await listRegions(database.db)).map((x) => [x.code, x.name]));
  return {
    wave: { id: r.wave.id, survey: r.wave.surveyCode, period: r.wave.period },
    rows: r.rows.map((x) => ({ group: x.group, label: { zh: groupLabel(x.group, 'zh', (c) => regions.get(c)?.zh), en: groupLabel(x.group, 'en', (c) => regions.get(c)?.en) }, panel: x.panel, responded: x.responded, rate: x.rate })),
  };
}
