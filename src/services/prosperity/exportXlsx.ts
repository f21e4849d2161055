/**
 * Every index of a survey with its inputs, as an Excel workbook (exceljs), so an analyst can recompute any number:
 * the diffusion indices with the counts of each answer, the climate and confidence indices with both parts, the
 * composite indices with their components (raw and seasonally adjusted), σ and standardisation factors, the signal
 * lights with their thresholds, and the turning points. A withheld cell shows its sample size and the reason, never
 * its counts (they would give the index back). Numbers are numbers; a missing value is the text 数据暂缺.
 */
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client';
import { HORIZON_LABELS } from '../../domain/prosperity/answers';
import { COMPOSITE_GROUP_LABELS } from '../../domain/prosperity/composite';
import { cycleIndicators } from '../../domain/prosperity/cycle';
import { climatePoints, diffusionPoints } from '../../domain/prosperity/indices';
import { LIGHT_LABELS } from '../../domain/prosperity/signals';
import { INDEX_KIND_LABELS } from '../../domain/prosperity/survey';
import { NOT_AVAILABLE } from '../../domain/unit/format';
import { panelMembers, surveyContents } from '../../db/prosperity';
import { listRegions } from '../../db/regions';
import { groupLabel } from '../../domain/prosperity/groups';
import { surveyTallies } from './indices';
import { getSurvey } from './surveys';

type Cell = string | number;
const na = NOT_AVAILABLE.zh;
const or = (x: number | null | undefined): Cell => (x === null || x === undefined || !Number.isFinite(x) ? na : x);

export async function surveyWorkbook(database: Database, code: string, now = new Date()): Promise<Buffer> {
  const survey = await getSurvey(database, code);
  const cells = await surveyTallies(database, survey);
  const diffusion = diffusionPoints(survey, cells);
  const climate = climatePoints(survey, cells);
  const cycle = cycleIndicators(survey, cells);
  const synthetic = (await panelMembers(database.db, survey.code)).some((m) => m.synthetic);
  const { panel } = await surveyContents(database.db, survey.code);
  const tally = new Map(cells.map((c) => [`${c.period}|${c.group}|${c.question}|${c.horizon}`, c.tally]));
  const question = new Map(survey.questions.map((q) => [q.code, q]));
  const regionNames = new Map((await listRegions(database.db)).map((r) => [r.code, r.name.zh]));
  const label = (g: string) => groupLabel(g, 'zh', (code) => regionNames.get(code));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Plan Monitor 规划监测评估平台';
  const sheet = (name: string, headers: string[], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    const head = ws.addRow(headers);
    head.font = { bold: true };
    head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } }));
    ws.columns.forEach((c, i) => (c.width = widths[i] ?? 12));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };

  const about = wb.addWorksheet('说明');
  about.columns = [{ width: 24 }, { width: 100 }];
  for (const row of [
    ['调查', `${survey.name.zh}（${survey.code}）`],
    ['频率', survey.frequency === 'monthly' ? '月度' : '季度'],
    ['样本企业', panel],
    ['数据性质', synthetic ? '合成数据（演示用，非真实企业）' : '调查数据'],
    ['扩散指数', 'DI = 上升比重 + 0.5 × 持平比重（%），50 为荣枯线；加权指数按' + (survey.settings.weight === 'revenue' ? '营业收入' : '从业人员') + '加权'],
    ['企业景气指数 / 企业家信心指数', `各部分 = (良好比重 − 不佳比重) × 100 + 100；指数 = ${survey.settings.climateWeights.current} × 即期 + ${survey.settings.climateWeights.expected} × 预期（0–200，100 为临界值）`],
    ['合成指数', '美国经济咨商局（Conference Board）方法：对称变化率（比率、扩散指数用差分），标准化因子 r = (1/σ)/Σ(1/σ)，I_t = I_{t−1}(200 + i_t)/(200 − i_t)，基年平均 = 100；先行指数趋势调整至一致指数'],
    ['季节调整', survey.composite?.seasonalAdjustment ? `STL（季节窗口 ${survey.composite.seasonalAdjustment.sWindow}），春节：1–2 月合并` : '不做季节调整'],
    ['保密规则', `样本少于 ${survey.settings.confidentiality.minRespondents} 家或单个企业权重超过 ${survey.settings.confidentiality.dominancePercent}% 的单元不公布，并做补充抑制`],
    ['生成时间', now.toISOString().slice(0, 10)],
  ] as Array<[string, Cell]>) about.addRow(row);

  const d = sheet('扩散指数', ['期别', '分组', '题目代码', '题目', '时期', '样本数', '上升', '持平', '下降', '扩散指数', '加权扩散指数', '不公布原因'], [10, 28, 16, 28, 8, 8, 8, 8, 8, 10, 12, 14]);
  for (const p of diffusion) {
    const t = p.withheld ? null : tally.get(`${p.period}|${p.group}|${p.question}|${p.horizon}`);
    d.addRow([p.period, label(p.group), p.question, question.get(p.question)?.text.zh ?? p.question, HORIZON_LABELS[p.horizon].zh, p.n, or(t?.positive), or(t?.neutral), or(t?.negative), or(p.value), or(p.weighted), p.withheld ?? '']);
  }

  const c = sheet('景气指数', ['期别', '分组', '指数', '即期样本数', '预期样本数', '即期 良好', '即期 一般', '即期 不佳', '预期 良好', '预期 一般', '预期 不佳', '即期', '预期', '指数', '加权指数', '不公布原因'], [10, 28, 16, 10, 10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10, 14]);
  for (const p of climate) {
    const tc = p.withheld ? null : tally.get(`${p.period}|${p.group}|${p.question}|current`);
    const te = p.withheld ? null : tally.get(`${p.period}|${p.group}|${p.question}|expected`);
    c.addRow([p.period, label(p.group), INDEX_KIND_LABELS[p.kind].zh, p.nCurrent, p.nExpected, or(tc?.positive), or(tc?.neutral), or(tc?.negative), or(te?.positive), or(te?.neutral), or(te?.negative), or(p.current), or(p.expected), or(p.value), or(p.weighted), p.withheld ?? '']);
  }

  const groups = cycle.indices;
  const ci = sheet('合成指数', ['期别', ...groups.flatMap((g) => [`${COMPOSITE_GROUP_LABELS[g.group].zh}`, `${COMPOSITE_GROUP_LABELS[g.group].zh} 增长率 i_t`])], [10, ...groups.flatMap(() => [12, 16])]);
  cycle.periods.forEach((p, t) => ci.addRow([p, ...groups.flatMap((g) => [or(g.level[t]), or(g.growth[t])])]));
  ci.addRow([]);
  for (const g of groups) ci.addRow([`${COMPOSITE_GROUP_LABELS[g.group].zh}趋势调整量 a`, g.trendAdjustment]);
  ci.addRow(['基年', or(cycle.baseYear)]);
  ci.addRow(['标准化窗口', cycle.window ? `${cycle.window.from}—${cycle.window.to}` : na]);

  const comps = cycle.components;
  const k = sheet('成分指标', ['期别', ...comps.flatMap((x) => [`${x.code} 原值`, `${x.code} 季调后`])], [10, ...comps.flatMap(() => [14, 14])]);
  cycle.periods.forEach((p, t) => k.addRow([p, ...comps.flatMap((x) => [or(x.raw[t]), or(x.adjusted[t])])]));
  k.addRow([]);
  k.addRow(['成分', '名称', '所属指数', '变化率', '逆向', 'σ', '标准化因子 r', '季节调整']).font = { bold: true };
  for (const x of comps) k.addRow([x.code, x.name.zh, COMPOSITE_GROUP_LABELS[x.group].zh, x.change === 'symmetric' ? '对称变化率' : '差分', x.invert ? '是' : '否', or(x.sigma), or(x.r), x.seasonallyAdjusted ? 'STL' : (x.note ?? '')]);

  const sc = cycle.signalComponents;
  const s = sheet('信号灯', ['期别', ...sc.flatMap((x) => [`${x.name.zh}`, `${x.name.zh} 灯号`]), '总分', '预警指数', '综合灯号'], [10, ...sc.flatMap(() => [12, 14]), 8, 10, 14]);
  for (const row of cycle.signals) {
    s.addRow([row.period, ...sc.flatMap((x) => {
      const l = row.lights[x.code];
      return [or(l?.value), l?.light ? LIGHT_LABELS[l.light].zh : na];
    }), row.points, or(row.score), row.light ? LIGHT_LABELS[row.light].zh : na]);
  }
  s.addRow([]);
  s.addRow(['阈值（蓝|浅蓝|绿|黄|红）']).font = { bold: true };
  for (const x of sc) s.addRow([x.name.zh, ...x.thresholds, x.inverted ? '逆向' : '']);

  const tp = sheet('转折点', ['指数', '类型', '期别', '指数值'], [14, 8, 10, 10]);
  for (const g of groups) for (const p of g.turningPoints) tp.addRow([COMPOSITE_GROUP_LABELS[g.group].zh, p.kind === 'peak' ? '峰' : '谷', cycle.periods[p.index] ?? '', p.value]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
