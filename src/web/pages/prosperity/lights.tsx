/** The five signal lights (景气信号灯) as the page draws them: a colour and always its word. */
import type { CSSProperties } from 'react';
import { useLang } from '../../i18n';

export type SignalLight = 'blue' | 'lightBlue' | 'green' | 'yellow' | 'red';

export const SIGNAL_STYLE: Record<SignalLight, { colour: string; text: string; zh: string; en: string }> = {
  red: { colour: '#cf1322', text: '#ffffff', zh: '红灯·过热', en: 'red · overheated' },
  yellow: { colour: '#fadb14', text: '#111827', zh: '黄灯·偏热', en: 'yellow · warm' },
  green: { colour: '#389e0d', text: '#ffffff', zh: '绿灯·正常', en: 'green · normal' },
  lightBlue: { colour: '#91caff', text: '#111827', zh: '浅蓝灯·偏冷', en: 'light blue · cool' },
  blue: { colour: '#0958d9', text: '#ffffff', zh: '蓝灯·过冷', en: 'blue · too cold' },
};

/** A light as a coloured badge with its word. */
export function SignalBadge({ light, short = false, style }: { light: SignalLight | null | undefined; short?: boolean; style?: CSSProperties }) {
  const { lang, t } = useLang();
  if (!light) return <span className="muted">{t('无数据', 'no data')}</span>;
  const s = SIGNAL_STYLE[light];
  const word = s[lang];
  return (
    <span data-signal={light} style={{ background: s.colour, color: s.text, borderRadius: 4, padding: '0 6px', fontSize: 12, whiteSpace: 'nowrap', ...style }}>
      {short ? word.split('·')[0] : word}
    </span>
  );
}
