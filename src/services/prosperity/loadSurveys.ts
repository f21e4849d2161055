/**
 * Loads the bundled survey files (prosperity/*.yaml) at start: a changed file is written again (by content hash),
 * an unchanged one only checked. A survey with no panel yet gets the synthetic demo (demo.ts) when asked and the
 * enterprise registry holds synthetic enterprises to draw it from (so the enterprise sample loads before this).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/client';
import { surveyContents, surveyHash, upsertSurvey } from '../../db/prosperity';
import { loadSyntheticDemo, DEFAULT_DEMO } from './demo';
import { readSurveyFile } from './surveyFile';

export interface SurveyLoadReport {
  code: string;
  status: 'loaded' | 'unchanged';
  demo: { members: number; waves: number; answers: number } | null;
}

export async function loadSurveys(database: Database, dir: string, opts: { demo: boolean }): Promise<SurveyLoadReport[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  const out: SurveyLoadReport[] = [];
  for (const name of names) {
    const { survey, hash } = await readSurveyFile(path.join(dir, name));
    const unchanged = (await surveyHash(database.db, survey.code)) === hash;
    if (!unchanged) await database.db.transaction((tx) => upsertSurvey(tx, survey, hash));
    let demo: SurveyLoadReport['demo'] = null;
    if (opts.demo) {
      const has = await surveyContents(database.db, survey.code);
      if (has.panel === 0 && has.waves === 0) demo = await loadSyntheticDemo(database, survey, DEFAULT_DEMO);
    }
    out.push({ code: survey.code, status: unchanged ? 'unchanged' : 'loaded', demo });
  }
  return out;
}
