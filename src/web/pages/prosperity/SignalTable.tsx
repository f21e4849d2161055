/**
 * 景气信号灯: the lights of every component over the last periods (a row per component, a column per period), the
 * composite light and 预警指数 below, and the 预警指数 as a chart with its five bands.
 */
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { SignalsResultDto } from '../../api';
import { EChart } from '../../components/EChart';
import { useLang } from '../../i18n';
import { SIGNAL_STYLE, SignalBadge, type SignalLight } from './lights';

export function SignalTable({ signals, last = 24 }: { signals: SignalsResultDto; last?: number }) {
  const { lang, t, l } = useLang();
  const rows = signals.rows.slice(-last);
  const option = useMemo<EChartsOption>(() => {
    const th = signals.compositeThresholds;
    const bands: Array<[SignalLight, number, number]> = [
      ['blue', 0, th[0] ?? 0], ['lightBlue', th[0] ?? 0, th[1] ?? 0], ['green', th[1] ?? 0, th[2] ?? 0], ['yellow', th[2] ?? 0, th[3] ?? 0], ['red', th[3] ?? 0, 200],
    ];
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 130, top: 16, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: signals.rows.map((r) => r.period) },
      // The score runs from 33.3 (every light blue) to 166.7 (every light red).
      yAxis: { type: 'value', min: 30, max: 170, name: t('预警指数', 'Score') },
      series: [
        {
          name: t('预警指数', 'Signal score'),
          type: 'line',
          symbol: 'circle',
          symbolSize: 5,
          data: signals.rows.map((r) => (r.score === null ? null : Math.round(r.score * 10) / 10)),
          lineStyle: { color: '#111827' },
          itemStyle: { color: '#111827' },
          markArea: { silent: true, data: bands.map(([light, a, b]) => [{ yAxis: a, itemStyle: { color: SIGNAL_STYLE[light].colour, opacity: 0.18 }, name: SIGNAL_STYLE[light][lang], label: { position: 'right', color: '#374151' } }, { yAxis: b }]) },
        },
      ],
    };
  }, [signals, lang, t]);
  return (
    <div>
      <div style={{ overflowX: 'auto' }}>
        <table className="signal-table" data-testid="signal-table" style={{ borderCollapse: 'collapse', fontSize: 12 }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left', padding: 4 }}>{t('指标', 'Component')}</th>
              {rows.map((r) => (
                <th key={r.period} style={{ padding: 4, fontWeight: 400, writingMode: 'vertical-rl' }}>{r.period}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {signals.components.map((c) => (
              <tr key={c.code}>
                <th style={{ textAlign: 'left', padding: 4, whiteSpace: 'nowrap' }} title={`${t('阈值', 'thresholds')} ${c.thresholds.join(' | ')}`}>{l(c.name)}</th>
                {rows.map((r) => {
                  const x = r.lights[c.code];
                  const s = x?.light ? SIGNAL_STYLE[x.light] : null;
                  return (
                    <td key={r.period} title={`${r.period} ${l(c.name)}: ${x?.value ?? '—'}${s ? ` (${s[lang]})` : ''}`} style={{ background: s?.colour ?? '#f3f4f6', color: s?.text ?? '#6b7280', textAlign: 'center', padding: '2px 3px', border: '1px solid #fff', minWidth: 30 }}>
                      {x?.value === null || x?.value === undefined ? '—' : Math.round(x.value)}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th style={{ textAlign: 'left', padding: 4 }}>{t('综合（预警指数）', 'Composite (score)')}</th>
              {rows.map((r) => (
                <td key={r.period} style={{ padding: 2, textAlign: 'center', border: '1px solid #fff' }}>
                  <SignalBadge light={r.light} short style={{ display: 'block', padding: 0 }} />
                  <div>{r.score === null ? '—' : r.score.toFixed(0)}</div>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <EChart option={option} height={240} label={t('预警指数与五色信号区间', 'The signal score against its five bands')} testId="signal-chart" />
    </div>
  );
}
