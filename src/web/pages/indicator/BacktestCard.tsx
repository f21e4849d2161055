/**
 * 回测 on the indicator page (issue 17): how the automatic forecast would have done on this indicator's own past,
 * next to the random walk with drift and Theta — rolling origin over the series the forecast is fitted on
 * (GET /api/plans/{id}/forecasts/backtest). Too short a series says why instead of a table.
 */
import { Alert, Card, Table, Typography } from 'antd';
import { PLAN_ID, useApi, type PlanBacktestDto } from '../../api';
import { draftsParam } from '../../drafts';
import { formatPercent, trim } from '../../format';
import { useLang } from '../../i18n';

type MethodRow = PlanBacktestDto['indicators'][number]['methods'][number];

/** The methods shown, in order, with their names. */
const SHOWN: Record<string, [string, string]> = {
  auto: ['本平台自动预测', 'Automatic forecast (this platform)'],
  drift: ['带漂移的随机游走', 'Random walk with drift'],
  theta: ['Theta 方法', 'Theta method'],
};
const HORIZON = 2;

export function BacktestCard({ code, asOf, drafts }: { code: string; asOf: string; drafts: boolean }) {
  const { t, l, lang } = useLang();
  const backtest = useApi<PlanBacktestDto>(`/api/plans/${PLAN_ID}/forecasts/backtest?asOf=${encodeURIComponent(asOf)}&horizon=${HORIZON}${draftsParam(drafts)}`);
  const entry = backtest.data?.indicators.find((i) => i.indicatorCode === code);
  const rows = (entry?.methods ?? []).filter((m) => m.method in SHOWN).sort((a, b) => Object.keys(SHOWN).indexOf(a.method) - Object.keys(SHOWN).indexOf(b.method));
  const num = (x: number | null, digits: number) => (x === null ? '—' : trim(x, digits));
  const share = (x: number | null) => (x === null ? '—' : formatPercent(x, lang, 0));
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="backtest-card" title={t('回测：预测方法在本指标历史数据上的表现', 'Backtest: how the forecasting methods did on this indicator\'s past')} loading={backtest.loading}>
      {backtest.error ? <Alert type="error" showIcon title={backtest.error.message} /> : null}
      {entry?.reason ? <Alert type="info" showIcon data-testid="backtest-reason" title={l(entry.reason)} /> : null}
      {entry && !entry.reason ? (
        <>
          <Typography.Paragraph className="muted" style={{ fontSize: 12 }}>
            {t(
              `滚动起点回测：用 ${entry.firstYear ?? ''}—${entry.lastYear ?? ''} 年的 ${entry.values} 个年度数据（与预测所用序列相同：同一数据口径，缺年已插补），从第 ${entry.minTrain} 个数据起，每个起点只用此前的数据预测其后 ${entry.horizon} 年，再与实际值比较。MASE 小于 1 表示误差小于历年平均变化；样本很少时仅供参考。`,
              `Rolling origin: on the ${entry.values} annual values ${entry.firstYear ?? ''}–${entry.lastYear ?? ''} (the series the forecast is fitted on: one revision basis, gaps filled), from the ${entry.minTrain}th value on each origin forecasts the next ${entry.horizon} years from earlier data only, scored against what followed. A MASE below 1 means errors smaller than the average yearly change; with so few pairs, read it as an indication only.`,
            )}
          </Typography.Paragraph>
          <Table<MethodRow>
            size="small"
            rowKey="method"
            pagination={false}
            dataSource={rows}
            data-testid="backtest-table"
            columns={[
              { title: t('方法', 'Method'), key: 'm', render: (_: unknown, r: MethodRow) => (SHOWN[r.method] ?? [r.method, r.method])[lang === 'zh' ? 0 : 1] },
              { title: 'sMAPE', key: 's', render: (_: unknown, r: MethodRow) => (r.accuracy.smape === null ? '—' : `${num(r.accuracy.smape, 1)}%`) },
              { title: 'MASE', key: 'a', render: (_: unknown, r: MethodRow) => num(r.accuracy.mase, 2) },
              { title: t('80%区间覆盖率', '80% interval coverage'), key: 'c80', render: (_: unknown, r: MethodRow) => share(r.accuracy.coverage80) },
              { title: t('95%区间覆盖率', '95% interval coverage'), key: 'c95', render: (_: unknown, r: MethodRow) => share(r.accuracy.coverage95) },
              { title: t('评分次数', 'Pairs scored'), key: 'n', render: (_: unknown, r: MethodRow) => `${r.accuracy.count}${r.failures > 0 ? t(`（${r.failures} 个起点无法拟合）`, ` (${r.failures} origins not fitted)`) : ''}` },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
