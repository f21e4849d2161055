/**
 * Prints results for a person (a table) or for a program (JSON): JSON when --json is given or when stdout is
 * not a terminal (piped), as the Evidence CLI does. A table fits 100 columns (cells wrap; --wide lifts the limit to
 * the terminal's width), is headed in one language (--lang, default from the locale: zh for a zh_* locale), and
 * an empty result says "无" / "none" instead of drawing an empty frame.
 */
import Table from 'cli-table3';

export interface OutputOptions {
  json?: boolean;
}

export type CliLang = 'zh' | 'en';
let lang: CliLang = localeLang(process.env);
let langGiven: CliLang | null = null;
let wide = false;

/** en when the locale (LC_ALL, LC_MESSAGES, LANG) is English or another non-Chinese language, else zh (the platform's
 * first language: also for an unset, C or POSIX locale). */
export function localeLang(env: NodeJS.ProcessEnv): CliLang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^[a-y][a-z]_/i.test(locale) && !/^zh/i.test(locale) ? 'en' : 'zh';
}

/** Set once from the global options (main.ts). */
export function configureOutput(o: { lang?: string | undefined; wide?: boolean | undefined }): void {
  if (o.lang === 'zh' || o.lang === 'en') lang = langGiven = o.lang;
  wide = o.wide === true;
}
export const outputLang = (): CliLang => lang;
/** The --lang given on the command line (wherever it stands: commander reads it as the global option), else null. */
export const givenLang = (): CliLang | null => langGiven;
/** Words in the command's language: say('试导入', 'dry run'). */
export const say = (zh: string, en: string): string => (lang === 'zh' ? zh : en);
export const isWide = (): boolean => wide;

/** Column headers said in one language: the code's headers are English or Chinese words, mapped both ways. */
const HEADERS: ReadonlyArray<readonly [zh: string, en: string]> = [
  ['数据库', 'Driver'], ['状态', 'Status'], ['规划', 'Plan'], ['指标', 'Indicators'], ['条目', 'Items'], ['用户', 'User'], ['角色', 'Role'],
  ['地区', 'Regions'], ['已停用', 'Disabled'], ['编号', 'ID'], ['名称', 'Name'], ['期间', 'Period'], ['单位', 'Unit'], ['发送', 'Sent'],
  ['方式', 'How'], ['序号', 'No.'], ['指标', 'Indicator'], ['基期值', 'Baseline'], ['最新值', 'Latest'], ['目标值', 'Target'],
  ['信号灯', 'Light'], ['评估结论', 'Standing'], ['序时进度', 'Time-proportional'], ['模型', 'Model'], ['目标年预测', 'Forecast (target year)'],
  ['任务', 'Task'], ['牵头单位', 'Lead unit'], ['原因', 'Why'],
  ['80%区间', '80% interval'], ['达标概率', 'Probability'], ['预警', 'Warning'], ['已发布', 'Published'], ['文件', 'File'], ['责任单位', 'Unit'],
];

export function header(h: string): string {
  for (const [zh, en] of HEADERS) {
    if (lang === 'zh' && h === en) return zh;
    if (lang === 'en' && h === zh) return en;
  }
  return h;
}

/** Display width: a CJK character takes two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths (with cli-table3's two padding columns) that fit `limit`: the widest column gives way first. */
export function fitWidths(natural: readonly number[], limit: number): number[] {
  const widths = natural.map((w) => w + 2);
  // Each column adds one border column, plus the frame's last one.
  const total = () => widths.reduce((a, b) => a + b, 0) + widths.length + 1;
  while (total() > limit) {
    let i = 0;
    for (let j = 1; j < widths.length; j++) if ((widths[j] ?? 0) > (widths[i] ?? 0)) i = j;
    if ((widths[i] ?? 0) <= 8) break;
    widths[i] = (widths[i] ?? 0) - 1;
  }
  return widths;
}

export function wantsJson(opts: OutputOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  return opts.json === true || !stream.isTTY;
}

export function printTable(rows: ReadonlyArray<Record<string, unknown>>, columns: ReadonlyArray<[key: string, header: string]>, opts: OutputOptions, json: unknown = rows): void {
  if (wantsJson(opts)) {
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  process.stdout.write(renderTable(rows, columns, wide ? Math.max(100, process.stdout.columns ?? 100) : 100));
}

/** The table as text (or 无 / none), at most `limit` columns wide. */
export function renderTable(rows: ReadonlyArray<Record<string, unknown>>, columns: ReadonlyArray<[key: string, header: string]>, limit = 100): string {
  if (rows.length === 0) return `${lang === 'zh' ? '无' : 'none'}\n`;
  const head = columns.map(([, h]) => header(h));
  const cells = rows.map((row) => columns.map(([k]) => formatCell(row[k])));
  const natural = head.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => Math.max(...(r[i] ?? '').split('\n').map(displayWidth)))));
  const widths = fitWidths(natural, limit);
  // Cells are wrapped here, by display width, so no text is cut off with an ellipsis.
  const wrapAll = (r: string[]) => r.map((c, i) => wrap(c, (widths[i] ?? 10) - 2));
  const table = new Table({ head: wrapAll(head), colWidths: widths });
  for (const r of cells) table.push(wrapAll(r));
  return `${table.toString()}\n`;
}

/** Breaks text into lines of at most `width` display columns (at spaces where it can, anywhere in Chinese). */
export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (displayWidth(line + ch) > width) {
        const cut = line.lastIndexOf(' ');
        if (ch !== ' ' && cut > width / 2) {
          out.push(line.slice(0, cut));
          line = line.slice(cut + 1);
        } else {
          out.push(line);
          line = '';
        }
      }
      if (!(line === '' && ch === ' ')) line += ch;
    }
    out.push(line);
  }
  return out.join('\n');
}

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
