/**
 * Under the indicator chart: the forecast's model, which members the automatic forecast used and why, and the
 * revision basis it was fitted on (issue 17) — so a reader sees why the forecast keeps or damps the trend.
 */
import { Tooltip, Typography } from 'antd';
import { modelWords } from '../../../shared/modelWords';
import type { IndicatorForecast } from '../../forecast';
import { useLang } from '../../i18n';

export function ForecastNote({ forecast }: { forecast: IndicatorForecast | undefined }) {
  const { t, l } = useLang();
  if (!forecast?.model) return null;
  const leftOut = forecast.basis && forecast.basis.leftOut.length > 0 ? forecast.basis : null;
  return (
    <div data-testid="forecast-note">
      <Typography.Text className="muted">
        {t('预测模型：', 'Model: ')}
        {/* The model in words (its notes follow below); the notation on hover, in code style. */}
        <Tooltip title={<code>{forecast.model}</code>}>
          <span data-testid="forecast-model">{l(modelWords(forecast.model))}</span>
        </Tooltip>
      </Typography.Text>
      {forecast.method ? <Typography.Paragraph className="muted" style={{ fontSize: 12, marginBottom: 0 }}>{l(forecast.method.reason)}</Typography.Paragraph> : null}
      {forecast.modelNotes.filter((n) => n.kind === 'interpolated').map((n) => (
        <Typography.Paragraph key={n.text.en} className="muted" style={{ fontSize: 12, marginBottom: 0 }}>{l(n.text)}{t('。', '.')}</Typography.Paragraph>
      ))}
      {leftOut ? (
        <Typography.Paragraph className="muted" style={{ fontSize: 12, marginBottom: 0 }}>
          {t(`按${leftOut.label.zh}数据拟合；${leftOut.leftOut.join('、')}年数据为此前口径，未用于拟合。`, `Fitted on the ${leftOut.label.en} figures; ${leftOut.leftOut.join(', ')} stand on an earlier basis and were not used.`)}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
