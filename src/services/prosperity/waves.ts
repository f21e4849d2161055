/** Survey waves: opening one for a period, listing them with their response counts, and a wave's response rates. */
import type { Database } from '../../db/client';
import { ensureWave, getWave, listWaves, responseRates, type ResponseRateRow, type WaveRow, type WaveSummaryRow } from '../../db/prosperity';
import { parseWavePeriod } from '../../domain/prosperity/wavePeriod';
import { audit, SYSTEM, type AuditContext } from '../access/audit';
import { BadRequestError, NotFoundError } from '../errors';
import { getSurvey } from './surveys';

/** Opens the wave of a period (2024-03 for a monthly survey, 2024Q1 for a quarterly one); an existing wave is returned as it is. */
export async function openWave(database: Database, surveyCode: string, periodText: string, who: AuditContext = SYSTEM): Promise<WaveRow & { created: boolean }> {
  const survey = await getSurvey(database, surveyCode);
  const p = parseWavePeriod(periodText, survey.frequency);
  if (!p.ok) throw new BadRequestError(`period: ${p.error}`);
  return database.db.transaction(async (tx) => {
    const wave = await ensureWave(tx, survey.code, p.value.code);
    if (wave.created) await audit(tx, who, { action: 'survey_wave_opened', entity: 'survey_wave', entityId: wave.id, newValue: { survey: survey.code, period: wave.period } });
    return wave;
  });
}

export async function waveList(database: Database, surveyCode: string, limit: number, before: string | null): Promise<WaveSummaryRow[]> {
  await getSurvey(database, surveyCode);
  return listWaves(database.db, surveyCode, limit, before);
}

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
