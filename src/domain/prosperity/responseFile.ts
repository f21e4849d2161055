/**
 * The layout of a response file (问卷数据): one row per enterprise, its 统一社会信用代码 in one column and one column per
 * question and horizon — what a survey system exports and what our template (services/prosperity/template.ts)
 * gives. A column is named by the question's code or its Chinese or English text, with the horizon after it:
 * `BUSINESS.current`, `BUSINESS_即期`, `本企业业务总量（预期）`. A cell holds the option's word (上升, 良好 …) or its
 * printed number 1–3; a blank cell is no answer. Pure: the service reads the file and writes the answers.
 */
import { HORIZON_LABELS, parseAnswer, SCALES, type Answer, type Horizon } from './answers';
import { normaliseUscc, USCC_COLUMN, USCC_HEADERS, usccProblem } from './enterpriseRef';
import type { Question, SurveyDefinition } from './survey';

/** Columns a response file may carry for people, which the import does not read. */
export const INFORMATIONAL_HEADERS = ['单位名称', '企业名称', 'name', '行业', '行业代码', '区划', '地区', '规模'];

export interface ResponseColumns {
  uscc: number | null;
  items: Array<{ index: number; header: string; question: Question; horizon: Horizon }>;
  ignored: string[];
  errors: string[];
}

/** The header of a column for a question and horizon, as the template writes it. */
export const itemHeader = (q: Question, h: Horizon) => `${q.text.zh}（${HORIZON_LABELS[h].zh}）`;

/**
 * Maps the header row. Unknown columns are errors (a typo must not drop a question's answers silently), except the
 * informational ones people add.
 */
export function mapResponseHeader(header: readonly string[], survey: SurveyDefinition): ResponseColumns {
  const out: ResponseColumns = { uscc: null, items: [], ignored: [], errors: [] };
  const byName = new Map<string, Question>();
  for (const q of survey.questions) for (const n of [q.code, q.text.zh, q.text.en]) byName.set(n.toLowerCase(), q);
  const seen = new Map<string, string>();
  const first = survey.questions[0];
  const example = first ? `e.g. "${itemHeader(first, 'current')}" or "${first.code}.current"` : 'no question defined';
  header.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    if (USCC_HEADERS.includes(name.toLowerCase())) {
      out.uscc = index;
      return;
    }
    const m = /^(.+?)\s*[（(._\s-]\s*(即期|预期|current|expected)\s*[）)]?$/i.exec(name);
    const q = m ? byName.get((m[1] ?? '').trim().toLowerCase()) : undefined;
    if (!m || !q) {
      if (INFORMATIONAL_HEADERS.includes(name.toLowerCase())) out.ignored.push(name);
      else out.errors.push(`column "${name}" is neither 统一社会信用代码 nor a question of this survey with its horizon (${example})`);
      return;
    }
    const word = (m[2] ?? '').toLowerCase();
    const horizon: Horizon = word === '预期' || word === 'expected' ? 'expected' : 'current';
    if (!q.horizons.includes(horizon)) {
      out.errors.push(`column "${name}": question ${q.code} is not asked for the ${HORIZON_LABELS[horizon].zh} (${horizon}) horizon`);
      return;
    }
    const key = `${q.code}|${horizon}`;
    const prior = seen.get(key);
    if (prior !== undefined) {
      out.errors.push(`columns "${prior}" and "${name}" both give ${q.code} ${horizon}: keep one`);
      return;
    }
    seen.set(key, name);
    out.items.push({ index, header: name, question: q, horizon });
  });
  if (out.uscc === null) out.errors.push('no column 统一社会信用代码 (uscc): every row must name its enterprise');
  if (out.items.length === 0 && out.errors.length === 0) out.errors.push('no question column: nothing to import');
  return out;
}

export interface CheckedRow {
  uscc: string;
  answers: Array<{ question: string; horizon: Horizon; answer: Answer; column: string }>;
  problems: Array<{ column: string | null; reason: string }>;
}

/** Checks one row's cells: the USCC's shape and every answer against its question's scale. */
export function checkResponseRow(cells: readonly string[], cols: ResponseColumns): CheckedRow {
  const uscc = normaliseUscc(cells[cols.uscc ?? -1] ?? '');
  const out: CheckedRow = { uscc, answers: [], problems: [] };
  const bad = usccProblem(uscc);
  if (bad) out.problems.push({ column: USCC_COLUMN, reason: bad });
  for (const it of cols.items) {
    const text = (cells[it.index] ?? '').trim();
    if (text === '') continue;
    const a = parseAnswer(it.question.scale, text);
    if (a === null) {
      const words = SCALES[it.question.scale].map((o) => o.zh).join('/');
      out.problems.push({ column: it.header, reason: `"${text}" is not an answer to ${it.question.text.zh} (${words}, or 1–3)` });
      continue;
    }
    out.answers.push({ question: it.question.code, horizon: it.horizon, answer: a, column: it.header });
  }
  return out;
}

