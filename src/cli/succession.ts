/**
 * `plan-monitor plan baselines --plan ID`: 规划衔接 — the earlier plan's final values offered as this plan's 基期值
 * (services/baselineOffers.ts), as a table, as JSON, or as YAML lines to paste into the plan file.
 */
import { EVERY_PLAN } from '../services/plans';
import { baselineOffers, type BaselineOffer } from '../services/baselineOffers';
import { BASELINE_AGREEMENT_LABELS } from '../domain/plan/succession';
import { outputLang, printTable, wantsJson, type OutputOptions } from './output';
import { onDatabase } from './target';


export async function baselinesCommand(opts: OutputOptions & { plan: string; yaml?: boolean }): Promise<void> {
  const offers = await onDatabase(
    (database) => baselineOffers(database, opts.plan, EVERY_PLAN),
    (server) => server.json<BaselineOffer[]>('GET', `/api/plans/${encodeURIComponent(opts.plan)}/baseline-offers`),
  );
  if (opts.yaml) {
    // One line per indicator, for the plan file's indicators: the earlier plan's final value as the 基期值.
    for (const o of offers.filter((x) => x.offered !== null)) {
      const v = o.offered;
      if (!v) continue;
      process.stdout.write(`# ${o.indicatorCode} ${o.name.zh}: ${o.from.planName.zh}终期值（${o.from.standing.label.zh}）${o.agreement === 'differs' ? `；规划现列${o.printed?.value ?? ''}，不一致` : ''}\n`);
      process.stdout.write(`baseline: {value: ${v.value}, year: ${v.year}}\n`);
    }
    return;
  }
  printTable(
    offers.map((o) => ({
      indicator: `${o.indicatorCode} ${o.name.zh}`,
      from: o.from.planName.zh,
      verdict: o.from.standing.label.zh,
      offered: o.offered ? `${o.offered.value}${o.unit}（${o.offered.year}年）` : '暂缺',
      printed: o.printed ? `${o.printed.value}${o.unit}（${o.printed.year}年）` : '—',
      agreement: BASELINE_AGREEMENT_LABELS[o.agreement][outputLang()] + (o.difference !== null && o.agreement === 'differs' ? (outputLang() === 'zh' ? `（差${o.difference}）` : ` (by ${o.difference})`) : ''),
    })),
    [['indicator', '指标'], ['from', '上期规划'], ['verdict', '上期结论'], ['offered', '终期值'], ['printed', '规划基期值'], ['agreement', '对照']],
    opts,
    offers,
  );
  if (!wantsJson(opts) && offers.length === 0) console.log(`no earlier plan of the same region ends in the base year of ${opts.plan}: nothing to offer`);
}
