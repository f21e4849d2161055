/**
 * A method's workings as a derivation people read: each intermediate value and threshold by its name, formatted in
 * the indicator's unit, percent or percentage points (shared/workingsWords.ts); the technical symbol and the raw
 * number are in a tooltip. A term the table does not know reads as its symbol.
 */
import { Tooltip, Typography } from 'antd';
import { WORKING_TERMS, type WorkingKind } from '../../../shared/workingsWords';
import { formatPoints, formatValue, trim } from '../../format';
import { useLang, type Lang } from '../../i18n';

function shown(v: number | null, kind: WorkingKind, unit: string, lang: Lang): string {
  if (v === null) return '—';
  switch (kind) {
    case 'value': return formatValue(v, unit, lang, 2);
    case 'fraction': return `${trim(v * 100, 2)}%`;
    case 'points': return formatPoints(v, lang);
    case 'years': return lang === 'zh' ? `${trim(v, 2)}年` : `${trim(v, 2)} year${v === 1 ? '' : 's'}`;
    case 'plain': return trim(v, 4);
  }
}

export function Workings({ intermediate, thresholds, unit }: { intermediate: Record<string, number | null>; thresholds: Record<string, number>; unit: string }) {
  const { lang, l, t } = useLang();
  const line = (k: string, v: number | null) => {
    const term = WORKING_TERMS[k];
    if (!term) return <li key={k}><code>{k}</code> = {v === null ? '—' : trim(v, 4)}</li>;
    return (
      <li key={k}>
        <Tooltip title={`${term.symbol} (${k}) = ${v === null ? '—' : String(v)}`}>
          <span>{l(term.name)}{lang === 'zh' ? '：' : ': '}{shown(v, term.kind, unit, lang)}</span>
        </Tooltip>
      </li>
    );
  };
  return (
    <div data-testid="workings">
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>{Object.entries(intermediate).map(([k, v]) => line(k, v))}</ul>
      {Object.keys(thresholds).length > 0 ? (
        <Typography.Paragraph className="muted" style={{ fontSize: 12, margin: '6px 0 0' }}>
          {t('判断界限', 'Thresholds')}
          {lang === 'zh' ? '：' : ': '}
          {Object.entries(thresholds).map(([k, v]) => {
            const term = WORKING_TERMS[k];
            return term ? `${l(term.name)} ${shown(v, term.kind, unit, lang)}` : `${k} ${trim(v, 4)}`;
          }).join(lang === 'zh' ? '；' : '; ')}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
