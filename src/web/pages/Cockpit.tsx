/**
 * 驾驶舱: the plan's indicator system as cards, counts by status, the newest warnings, the progress chart. The first
 * page most people open, so it is plain HTML and CSS (app.css, classes modelled on Ant Design's small cards): it
 * draws as soon as React and its data are there, without waiting for Ant Design's code and CSS-in-JS.
 */
import type { EChartsOption } from 'echarts';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { currentAsOf, useApi, withAsOf, type PlanEvaluationDto } from '../api';
import { usePlan } from '../plan';
import { useNarrow } from '../useNarrow';
import { EChart } from '../components/EChart';
import { draftsParam, DraftsIncluded, DraftsSwitch, useDrafts } from '../drafts';
import { SimpleList } from '../components/SimpleList';
import { StatusLight } from '../components/StatusLight';
import { useForecasts, type IndicatorForecast } from '../forecast';
import { formatDate, formatPercent, formatPeriod, formatValue } from '../format';
import { useLang } from '../i18n';
import { completion, elapsed, LIGHT_STYLE, lightsOf, type IndicatorEvaluation, type IndicatorLightDto, type Light } from '../status';
import { currentTarget, shownLatest, targetLabel } from '../targets';
import { SupervisionCounts } from './cockpit/SupervisionCounts';
import { CompletenessCard } from './quality/CompletenessCard';
import { ProsperityCard } from './prosperity/CockpitCard';

function IndicatorCard({ ev, lit, forecast, forecastsAvailable }: { ev: IndicatorEvaluation; lit: IndicatorLightDto | undefined; forecast: IndicatorForecast | undefined; forecastsAvailable: boolean }) {
  const { lang, t, l } = useLang();
  const scope = usePlan();
  const light = lit?.light ?? ev.standing.light;
  const final = ev.standing.phase === 'final';
  const a = completion(ev);
  const e = elapsed(ev);
  const latest = shownLatest(ev);
  const qualitative = currentTarget(ev)?.target.kind === 'qualitative';
  const percent = a === null ? 0 : Math.max(0, Math.min(100, Math.round(a * 1000) / 10));
  return (
    <Card
      testId={`card-${ev.indicator.code}`}
      title={
        <Link to={withAsOf(scope.path(`/indicators/${ev.indicator.code}`))}>
          {ev.indicator.number}. {l(ev.indicator.name)}
        </Link>
      }
      extra={<StatusLight light={light} />}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <div>
          {/* A qualitative target has an assessment, not a figure. */}
          <div className="muted">{qualitative ? t('评估结论', 'Assessment') : latest?.cumulative ? t('累计值', 'Cumulative') : t('最新值', 'Latest')}</div>
          <div style={{ fontSize: 20, fontWeight: 700 }} data-testid="latest">
            {qualitative ? l(ev.standing.label) : formatValue(latest?.value, ev.indicator.unit, lang)}
          </div>
          {qualitative ? null : <div className="muted">{latest ? formatPeriod(String(latest.year), lang) : t('暂无数据', 'no figure yet')}</div>}
          {ev.inYear ? (
            // 年内监测: the newest 1–N月 or quarterly figure after the latest annual one, with 同比.
            <div className="muted" data-testid="in-year">
              {t('年内', 'In-year')} {formatPeriod(ev.inYear.periodCode, lang)}: {formatValue(ev.inYear.value, ev.indicator.unit, lang)}
              {ev.inYear.change !== null
                ? ev.inYear.changeKind === 'points'
                  ? t(`（同比${ev.inYear.change >= 0 ? '+' : ''}${ev.inYear.change.toFixed(1)}个百分点）`, ` (${ev.inYear.change >= 0 ? '+' : ''}${ev.inYear.change.toFixed(1)} pp y/y)`)
                  : t(`（同比${ev.inYear.change >= 0 ? '+' : ''}${ev.inYear.change.toFixed(1)}%）`, ` (${ev.inYear.change >= 0 ? '+' : ''}${ev.inYear.change.toFixed(1)}% y/y)`)
                : null}
            </div>
          ) : null}
        </div>
        <div style={{ textAlign: 'right' }}>
          <div className="muted">{t('目标', 'Target')}</div>
          <div style={{ fontWeight: 600 }}>{targetLabel(ev, lang)}</div>
        </div>
      </div>
      <div className="progress" title={e !== null ? t(`时间进度 ${formatPercent(e, lang)}`, `time elapsed ${formatPercent(e, lang)}`) : undefined}>
        <div className="progress-trail" role="progressbar" aria-label={final ? t('目标完成率', 'Share of the target reached') : t('完成进度', 'Completion')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="progress-bar" style={{ width: `${percent}%`, background: LIGHT_STYLE[light].colour }} />
        </div>
        <span className="progress-text">{a === null ? '—' : formatPercent(a, lang)}</span>
      </div>
      <div style={{ fontSize: 13 }}>
        <span data-testid="standing">{l(ev.standing.label)}</span>
        {light === 'grey' && lit?.missing ? <div className="muted" data-testid="missing">{l(lit.missing)}</div> : null}
        {final ? null : forecast?.probability !== null && forecast?.probability !== undefined ? (
          <div>
            {t('达标概率', 'P(target met)')}: <b>{formatPercent(forecast.probability, lang, 0)}</b>
          </div>
        ) : (
          <div className="muted">{forecastsAvailable && forecast?.reason ? l(forecast.reason) : t('预测暂缺', 'forecast not available')}</div>
        )}
        {!final && forecast && forecast.status === 'ok' && forecast.warning.level !== 'none' ? <div className="muted">{l(forecast.warning.sentence)}</div> : null}
      </div>
    </Card>
  );
}

/** A small card (title, an optional element at the right of the title, body), as Ant Design draws it. */
function Card({ title, extra, children, testId }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="card" data-testid={testId}>
      {title !== undefined ? (
        <header className="card-head">
          <h3 className="card-title">{title}</h3>
          {extra}
        </header>
      ) : null}
      <div className="card-body">{children}</div>
    </section>
  );
}

/** Grey bars while the data is on the way. */
function Placeholder() {
  const { t } = useLang();
  return (
    <div className="placeholder" role="status" aria-label={t('加载中', 'Loading')}>
      <div />
      <div />
      <div />
    </div>
  );
}

export function Cockpit() {
  const { lang, t, l } = useLang();
  const asOf = currentAsOf();
  const drafts = useDrafts();
  const scope = usePlan();
  const plan = { data: scope.plan };
  const evaluation = useApi<PlanEvaluationDto>(scope.planId ? `/api/plans/${encodeURIComponent(scope.planId)}/evaluation?asOf=${asOf}${draftsParam(drafts.on)}` : null);
  const { forecasts, available } = useForecasts(scope.planId, asOf, null, drafts.on);
  const system = useMemo(() => evaluation.data?.indicators.filter((i) => i.indicator.system) ?? [], [evaluation.data]);
  const byCode = useMemo(() => new Map(forecasts?.indicators.map((f) => [f.indicatorCode, f]) ?? []), [forecasts]);
  const lights = useMemo(() => lightsOf(system, forecasts), [system, forecasts]);
  const lightOfCode = (code: string): Light => lights.get(code)?.light ?? 'grey';
  const final = system.length > 0 && system.every((ev) => ev.standing.phase === 'final');

  const counts = useMemo(() => {
    const c: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
    for (const x of lights.values()) c[x.light] += 1;
    return c;
  }, [lights]);

  const lastUpdate = useMemo(() => {
    let newest = '';
    for (const ev of system) {
      const at = ev.latest?.observation?.enteredAt ?? '';
      if (at > newest) newest = at;
    }
    return newest || null;
  }, [system]);

  // One line per indicator with a red or yellow light, red first: the list and the counts say the same.
  const warnings = useMemo(() => {
    const rank: Record<Light, number> = { red: 0, yellow: 1, green: 2, grey: 3 };
    return system
      .map((ev) => ({ ev, lit: lights.get(ev.indicator.code) }))
      .filter((x): x is { ev: IndicatorEvaluation; lit: IndicatorLightDto } => x.lit !== undefined && (x.lit.light === 'red' || x.lit.light === 'yellow'))
      .sort((a, b) => rank[a.lit.light] - rank[b.lit.light])
      .map(({ ev, lit }) => ({ code: ev.indicator.code, light: lit.light, text: `${l(ev.indicator.name)}${t('：', ': ')}${lit.reasons.map((r) => l(r)).join(' ')}` }));
  }, [lights, system, l, t]);

  const narrow = useNarrow();
  const chart = useMemo<EChartsOption | null>(() => {
    if (system.length === 0) return null;
    // Indicator names on the category axis (horizontal bars: long names wrap instead of colliding, at any width).
    const names = system.map((ev) => l(ev.indicator.name));
    // In progress the dashed line is the time elapsed (序时进度); after the target year, the target itself (100%).
    const e = final ? 1 : (system.map((ev) => elapsed(ev)).find((x) => x !== null) ?? null);
    const barName = final ? t('目标完成率', 'Share of the target reached') : t('完成进度', 'Completion');
    const lineName = final ? t('目标', 'Target') : t('时间进度', 'Time elapsed');
    const nameWidth = narrow ? 96 : 220;
    return {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // The bars take each indicator's light colour, so the legend shows the dashed line only; the lights are named above.
      legend: { data: [{ name: lineName, icon: 'path://M0,4 L6,4 L6,6 L0,6 Z M10,4 L16,4 L16,6 L10,6 Z M20,4 L26,4 L26,6 L20,6 Z' }], top: 0, right: 0, itemWidth: 26, itemHeight: 6 },
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false }, axisLabel: { color: '#374151', width: nameWidth, overflow: 'break', lineHeight: 18, fontSize: narrow ? 11 : 12 } },
      xAxis: { type: 'value', name: '%', max: 120, min: 0, axisLabel: { color: '#374151' }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
      series: [
        {
          name: barName,
          type: 'bar',
          barMaxWidth: 18,
          data: system.map((ev) => {
            const a = completion(ev);
            return { value: a === null ? null : Math.round(Math.max(0, a) * 1000) / 10, itemStyle: { color: LIGHT_STYLE[lightOfCode(ev.indicator.code)].colour } };
          }),
          // A white ground behind each value keeps it legible where it meets the dashed line.
          label: { show: true, position: 'right', formatter: '{c}%', color: '#111827', backgroundColor: '#ffffff', padding: [1, 3] },
        },
        {
          name: lineName,
          type: 'line',
          data: system.map(() => (e === null ? null : Math.round(e * 1000) / 10)),
          symbol: 'none',
          z: 1,
          lineStyle: { type: 'dashed', color: '#111827' },
          itemStyle: { color: '#111827' },
        },
      ],
    };
  }, [system, t, l, final, lights, narrow]);

  if (!scope.loading && !scope.planId)
    return (
      <p className="alert-info" role="status">
        {t('尚未载入规划：用 plan-monitor plan load 文件.yaml 载入一个规划。', 'No plan is loaded yet: load one with plan-monitor plan load FILE.yaml.')}
      </p>
    );
  if (evaluation.error)
    return (
      <p className="alert-error" role="alert">
        {evaluation.error.message}
      </p>
    );
  return (
    <div>
      <h2 className="page-title">
        {t('驾驶舱', 'Cockpit')}
        <span className="page-subtitle">{plan.data ? l(plan.data.name) : ''}</span>
      </h2>
      <div className="counts">
        {(['green', 'yellow', 'red', 'grey'] as const).map((k) => (
          <Card key={k}>
            <div className="statistic-title">
              <StatusLight light={k} />
            </div>
            <div className="statistic-value">
              {counts[k]}
              <span className="statistic-suffix">{t('项', '')}</span>
            </div>
          </Card>
        ))}
      </div>
      <div className="cockpit-line">
        <p className="muted" data-testid="last-update">
          {t('评估基准', 'As of')}: {/^\d{4}$/.test(asOf) ? `${asOf}${t('年', '')}` : formatDate(asOf, lang)} · {t('数据更新于', 'Data last updated')} {formatDate(lastUpdate, lang)}
          {final && plan.data ? (
            <span data-testid="phase-final">
              {' · '}
              {t(`规划期已于${plan.data.period.end}年结束：按目标年实际值作终期判断`, `The plan ended in ${plan.data.period.end}: targets are judged on their target-year values`)}
            </span>
          ) : null}
          <DraftsIncluded figures={evaluation.data?.figures} />
        </p>
        <DraftsSwitch />
      </div>
      {scope.planId ? <CompletenessCard plan={scope.planId} /> : null}
      {evaluation.loading && !evaluation.data ? (
        <Placeholder />
      ) : (
        <div className="cards" role="list" aria-label={t('规划指标', 'Plan indicators')}>
          {system.map((ev) => (
            <div role="listitem" key={ev.indicator.code}>
              <IndicatorCard ev={ev} lit={lights.get(ev.indicator.code)} forecast={byCode.get(ev.indicator.code)} forecastsAvailable={available} />
            </div>
          ))}
        </div>
      )}
      {scope.planId ? <SupervisionCounts planId={scope.planId} /> : null}
      <div className="cockpit-bottom">
        <Card title={final ? t('目标完成情况（终期）', 'Targets reached (final)') : t('完成进度与时间进度（序时进度法）', 'Completion against time elapsed (time-proportional method)')}>
          {chart ? (
            <EChart option={chart} height={chartHeight(system.map((ev) => l(ev.indicator.name)), narrow)} features="basic" renderer="svg" label={t('各指标完成进度柱状图', 'Bar chart of completion by indicator')} testId="cockpit-chart" />
          ) : (
            <Placeholder />
          )}
        </Card>
        <Card title={t('最新预警', 'Newest warnings')}>
          <SimpleList
            items={warnings}
            keyOf={(w) => `${w.code}-${w.text}`}
            empty={t('暂无预警', 'No warnings')}
            testId="warnings"
            render={(w) => (
              <>
                <span className={`tag ${w.light === 'red' ? 'tag-red' : 'tag-gold'}`}>{LIGHT_STYLE[w.light][lang]}</span>
                <Link to={withAsOf(scope.path(`/indicators/${w.code}`))}>{w.text}</Link>
              </>
            )}
          />
        </Card>
        <ProsperityCard />
      </div>
    </div>
  );
}

/** Tall enough that every wrapped name gets its lines (18 px each) and a gap: labels never run into the next. */
function chartHeight(names: string[], narrow: boolean): number {
  const width = narrow ? 96 : 220;
  const lines = names.map((n) => {
    let w = 0;
    for (const ch of n) w += /[\u3400-\u9fff\uff00-\uffef]/.test(ch) ? (narrow ? 11 : 12) : narrow ? 7.5 : 7;
    return Math.max(1, Math.ceil(w / (width - 8)));
  });
  return lines.reduce((h, k) => h + k * 18 + 14, 80);
}
