/**
 * Where something stands in a plan, in each language (issue 15): 第二章（三）专栏1 / Chapter 2, section 3, Box 1 —
 * never "Chapter 二 (三) 专栏1" on an English page. Chinese numerals of chapters and sections become digits in English.
 */

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 二十一 → 21; digits stay digits; anything else → null. */
export function chineseNumber(text: string): number | null {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九两]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return null;
  const [, tens = '', ten = '', ones = ''] = m;
  if (!ten) return tens && !ones ? (DIGITS[tens] ?? null) : null;
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

/** A chapter (二), a section ((三), （三）) and a box (专栏1) as the page's language says them. */
export function planPlace(loc: { chapter: string; section?: string | null | undefined; column?: string | null | undefined }, lang: 'zh' | 'en'): string {
  const section = loc.section?.replace(/^[（(]\s*|\s*[）)]$/g, '') ?? null;
  if (lang === 'zh') return `第${loc.chapter}章${section ? `（${section}）` : ''}${loc.column ?? ''}`;
  const parts = [`Chapter ${chineseNumber(loc.chapter) ?? loc.chapter}`];
  if (section) parts.push(`section ${chineseNumber(section) ?? section}`);
  const box = loc.column ? /^专栏\s*(\d+)$/.exec(loc.column.trim()) : null;
  if (loc.column) parts.push(box ? `Box ${box[1]}` : loc.column);
  return parts.join(', ');
}

/** An item's number as its heading shows it: 三、 in Chinese (the plan's own numbering takes 、), 3. in English. */
export function itemNumber(number: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!number) return '';
  const n = chineseNumber(number);
  if (n === null) return number;
  return lang === 'zh' ? (/^\d+$/.test(number) ? `${number}.` : `${number}、`) : `${n}.`;
}
