/**
 * The 门类 (section, A–T) of a GB/T 4754-2017 industry code, from the division ranges of the standard — what the
 * survey groups its cells by. The enterprise database (issue 18) keeps the whole classification with each code's
 * section, and the survey reads a member's section from there; this table checks a frame file's codes and serves the
 * synthetic benchmark frame.
 */
import type { LocalizedText } from '../text';

/** Sections and the first division of each (a section runs to the division before the next one's first). */
const SECTION_STARTS: ReadonlyArray<readonly [string, number]> = [
  ['A', 1], ['B', 6], ['C', 13], ['D', 44], ['E', 47], ['F', 51], ['G', 53], ['H', 61], ['I', 63], ['J', 66],
  ['K', 70], ['L', 71], ['M', 73], ['N', 76], ['O', 80], ['P', 83], ['Q', 84], ['R', 86], ['S', 91], ['T', 97],
];

/** The service-industry (第三产业) sections: F to T. */
export const SERVICE_SECTIONS = ['F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;

export const SECTION_NAMES: Readonly<Record<string, LocalizedText>> = {
  F: { zh: '批发和零售业', en: 'Wholesale and retail trade' },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  H: { zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  I: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  J: { zh: '金融业', en: 'Finance' },
  K: { zh: '房地产业', en: 'Real estate' },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  M: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  N: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities management' },
  O: { zh: '居民服务、修理和其他服务业', en: 'Household, repair and other services' },
  P: { zh: '教育', en: 'Education' },
  Q: { zh: '卫生和社会工作', en: 'Health and social work' },
  R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  S: { zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  T: { zh: '国际组织', en: 'International organisations' },
};

/**
 * @example
 * sectionOf('6513') // 'I'
 * sectionOf('I')    // 'I'
 * sectionOf('99')   // null (no such division)
 */
export function sectionOf(code: string): string | null {
  if (/^[A-T]$/.test(code)) return code;
  if (!/^\d{2,4}$/.test(code)) return null;
  const division = Number(code.slice(0, 2));
  if (division < 1 || division > 97) return null;
  let section: string | null = null;
  for (const [s, start] of SECTION_STARTS) if (division >= start) section = s;
  return section;
}
