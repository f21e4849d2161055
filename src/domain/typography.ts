/**
 * Chinese typography for generated text (GB/T 15834 标点符号用法): full-width punctuation inside Chinese sentences
 * and curly quotation marks “…”. Plan texts are transcribed with straight quotes ("十四五") and the occasional
 * half-width comma; generated report text must not carry them into a document a commission signs.
 *
 * Only punctuation next to a Chinese character is changed: numbers (1,234.5), formulas (A − E = -5%) and Latin
 * text keep their own marks.
 *
 * @example
 * zhTypography('深圳市服务业发展"十四五"规划,2025年') // '深圳市服务业发展“十四五”规划，2025年'
 */
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const nextToCjk = (mark: string) => new RegExp(`(?<=[${CJK}])${mark}|${mark}(?=[${CJK}])`, 'g');

export function zhTypography(text: string): string {
  let quoteOpen = false;
  const quoted = text.replace(/"/g, () => {
    quoteOpen = !quoteOpen;
    return quoteOpen ? '“' : '”';
  });
  return quoted
    .replace(nextToCjk(','), '，')
    .replace(nextToCjk(';'), '；')
    .replace(nextToCjk(':'), '：')
    .replace(nextToCjk('\\?'), '？')
    .replace(nextToCjk('!'), '！')
    .replace(new RegExp(`\\((?=[^()]*[${CJK}][^()]*\\))([^()]*)\\)`, 'g'), '（$1）');
}

/**
 * A date as Chinese documents write it: 2026年1月15日 (a year alone: 2025年). Anything else is returned as it is.
 *
 * @example
 * zhDate('2026-01-15') // '2026年1月15日'
 */
export function zhDate(text: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (d) return `${d[1]}年${Number(d[2])}月${Number(d[3])}日`;
  return /^\d{4}$/.test(text) ? `${text}年` : text;
}
