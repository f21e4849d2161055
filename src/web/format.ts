/**
 * Numbers and dates for people, the Chinese way first: amounts in 亿元 become 万亿元 from 10000亿 (2.16万亿元),
 * shares end in %, differences of shares are 个百分点, dates read 2024年1月30日. English groups thousands and says
 * "100 million yuan" / "trillion yuan". A missing value reads as missing, never as 0.
 */
import type { Lang } from './i18n';

export const MISSING = { zh: '数据暂缺', en: 'n/a' } as const;

/** Rounds to at most `digits` decimals and drops trailing zeros. */
export function trim(x: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? '0' : String(r);
}

const groupThousands = (s: string): string => s.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

const EN_UNITS: Record<string, string> = {
  亿元: '100 million yuan',
  万亿元: 'trillion yuan',
  亿美元: '100 million USD',
  万人: '10,000 persons',
  '万元/人': '10,000 yuan per person',
  家: 'firms',
  个: '',
  个百分点: 'percentage points',
};

/** A value with its unit: 21566.38亿元 → 2.16万亿元; 76.3% ; 0.4个百分点. */
export function formatValue(value: number | null | undefined, unit: string, lang: Lang, places = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING[lang];
  // Below 1, three significant digits: an intensity of 0.282吨标准煤/万元 is not shown as 0.28 beside a 0.27 target.
  const small = value !== 0 && Math.abs(value) < 1;
  const digits = small ? Math.max(places, 2 - Math.floor(Math.log10(Math.abs(value)))) : places;
  if ((unit === '亿元' || unit === '亿美元') && Math.abs(value) >= 10000) {
    const big = unit === '亿元' ? '万亿元' : '万亿美元';
    return lang === 'zh' ? `${trim(value / 10000, digits)}${big}` : `${trim(value / 10000, digits)} ${unit === '亿元' ? 'trillion yuan' : 'trillion USD'}`;
  }
  // English reads 亿 as a tenth of a billion: 2500亿元 → 250 billion yuan (never "2,500 (100 million yuan)").
  if (lang === 'en' && (unit === '亿元' || unit === '亿美元')) return `${groupThousands(trim(value / 10, digits))} billion ${unit === '亿元' ? 'yuan' : 'USD'}`;
  if (lang === 'en' && unit === '万人') return `${groupThousands(trim(value / 100, digits))} million persons`;
  if (unit === '%') return `${lang === 'en' ? groupThousands(trim(value, digits)) : trim(value, digits)}%`;
  if (lang === 'zh') return `${trim(value, digits)}${unit}`;
  const en = EN_UNITS[unit] ?? unit;
  const n = groupThousands(trim(value, digits));
  return en === '' ? n : /^\d/.test(en) ? `${n} (${en})` : `${n} ${en}`;
}

/** A change of a share: 个百分点 / percentage points, signed. */
export function formatPoints(delta: number | null, lang: Lang): string {
  if (delta === null || !Number.isFinite(delta)) return MISSING[lang];
  const s = `${delta > 0 ? '+' : ''}${trim(delta, 2)}`;
  return lang === 'zh' ? `${s}个百分点` : `${s} percentage points`;
}

/** A ratio 0..1 as a percentage: 0.5603 → 56.0%. */
export function formatPercent(ratio: number | null | undefined, lang: Lang, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING[lang];
  return `${trim(ratio * 100, digits)}%`;
}

/** An ISO date (2024-01-30 or a timestamp) as 2024年1月30日 / 30 Jan 2024. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return MISSING[lang];
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (lang === 'zh') return `${Number(y)}年${Number(mo)}月${Number(d)}日`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(d)} ${months[Number(mo) - 1] ?? mo} ${y}`;
}

/** A canonical period code as people say it: 2023 → 2023年; 2022-01~09 → 2022年1—9月; 2020H1 → 2020年上半年. */
export function formatPeriod(code: string, lang: Lang): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(code))) return lang === 'zh' ? `${m[1]}年` : code;
  if ((m = /^(\d{4})H([12])$/.exec(code))) return lang === 'zh' ? `${m[1]}年${m[2] === '1' ? '上' : '下'}半年` : `${m[2] === '1' ? 'H1' : 'H2'} ${m[1]}`;
  if ((m = /^(\d{4})Q([1-4])$/.exec(code))) return lang === 'zh' ? `${m[1]}年第${'一二三四'[Number(m[2]) - 1]}季度` : `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})~(\d{2})$/.exec(code))) return lang === 'zh' ? `${m[1]}年${Number(m[2])}—${Number(m[3])}月` : `${m[1]} Jan–${Number(m[3])}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(code))) return lang === 'zh' ? `${m[1]}年${Number(m[2])}月` : code;
  if ((m = /^(\d{4})-(\d{4})$/.exec(code))) return lang === 'zh' ? `${m[1]}—${m[2]}年` : `${m[1]}–${m[2]}`;
  return code;
}
