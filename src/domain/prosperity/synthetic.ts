/**
 * SYNTHETIC survey data (合成数据, never real enterprises), made from a seed so every run gives the same: answers to
 * the survey for any panel — the demo's, drawn from the registry's synthetic enterprises (services/prosperity/demo.ts)
 * — and a frame of service enterprises for the benchmark and the domain tests, which run without a registry.
 *
 * How answers are made: a common business cycle (a 40-month swing with a dip in the first half of 2022), each
 * section's sensitivity to it, each enterprise's own persistent level, and noise; a question's answer is up / same /
 * down as that latent value is above 0.6, between, or below −0.6. Questions about orders and expectations lead the
 * cycle by three months, employment and prices lag it; current answers carry a seasonal pattern with the 春节 month
 * weak — so the seasonal adjustment and the January–February combination have something real to do.
 */
import { seededNormal, seededUniform } from '../forecast/random';
import type { Answer, Horizon } from './answers';
import { SERVICE_SECTIONS } from './industrySection';
import type { SizeClass } from '../enterprise/size';
import type { FrameMember } from './sampling';
import { SPRING_FESTIVAL } from '../period/springFestival';
import type { SurveyDefinition } from './survey';
import type { WavePeriod } from './wavePeriod';

/** Shenzhen's districts (GB/T 2260), where synthetic enterprises are placed. */
const DISTRICTS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];
/** All twenty sections of GB/T 4754 (the benchmark's "20 industries"). */
export const INDUSTRY_SECTIONS_FOR_BENCH = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;
/** A division (大类) of each section, for the synthetic industry code. */
const DIVISION_OF: Readonly<Record<string, string>> = { A: '01', B: '06', C: '13', D: '44', E: '47', F: '51', G: '54', H: '62', I: '65', J: '66', K: '70', L: '72', M: '75', N: '77', O: '80', P: '83', Q: '84', R: '88', S: '91', T: '97' };
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A USCC-shaped code with a valid check character (GB 32100-2015). The enterprise database (issue 18) has the
 * full check, domain/enterprise/uscc.ts; this only makes demo codes.
 */
function syntheticUscc(random: () => number, region: string): string {
  let body = `9144${region.slice(2, 6)}`;
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[Math.floor(random() * 31)] ?? '0';
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(body[i] ?? '0') * w;
    w = (w * 3) % 31;
  }
  return body + (USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '0');
}

/** A synthetic frame of `count` service enterprises in the given sections. */
export function syntheticFrame(count: number, seed: number, sections: readonly string[] = SERVICE_SECTIONS.slice(0, 13)): FrameMember[] {
  const random = seededUniform(seed);
  const sizes: Array<[SizeClass, number, number, number]> = [
    // class, share, revenue (万元) and employees around which it scatters
    ['large', 0.06, 80_000, 1500],
    ['medium', 0.2, 8_000, 300],
    ['small', 0.44, 1_200, 60],
    ['micro', 0.3, 150, 8],
  ];
  const out: FrameMember[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const section = sections[Math.floor(random() * sections.length)] ?? 'L';
    const region = DISTRICTS[Math.floor(random() * DISTRICTS.length)] ?? '440305';
    let u = random();
    let size = sizes[sizes.length - 1] ?? sizes[0];
    for (const s of sizes) {
      if (u < s[1]) {
        size = s;
        break;
      }
      u -= s[1];
    }
    const uscc = syntheticUscc(random, region);
    if (seen.has(uscc) || !size) continue;
    seen.add(uscc);
    const scatter = Math.exp((random() - 0.5) * 1.6);
    out.push({
      uscc,
      // A division code (大类): a real GB/T 4754 code of the section.
      industryCode: DIVISION_OF[section] ?? '72',
      sectionCode: section,
      regionCode: region,
      sizeClass: size[0],
      revenue: Math.round(size[2] * scatter * 10) / 10,
      employees: Math.max(1, Math.round(size[3] * scatter)),
    });
  }
  return out;
}

/** The latent business cycle at a month ordinal (months since year 0). */
export function syntheticCycle(ordinal: number): number {
  const t = ordinal - 2016 * 12;
  const dip = ordinal >= 2022 * 12 + 2 && ordinal <= 2022 * 12 + 5 ? -0.3 : 0;
  return 0.25 * Math.sin((2 * Math.PI * t) / 40) + 0.001 * t + dip;
}

/** Per question: months it leads (+) or lags (−) the cycle, and whether its current answers are seasonal. */
function questionShape(code: string, horizon: Horizon): { lead: number; seasonal: boolean } {
  const expected = horizon === 'expected' ? 3 : 0;
  if (code === 'NEW_ORDERS') return { lead: 3 + expected, seasonal: horizon === 'current' };
  if (code === 'EMPLOYMENT') return { lead: -3 + expected, seasonal: horizon === 'current' };
  if (code === 'SALES_PRICE' || code === 'INPUT_PRICE') return { lead: -5 + expected, seasonal: false };
  return { lead: expected, seasonal: horizon === 'current' };
}

/** Answers of a wave in columns (for memory and speed: 5,000 enterprises × 120 waves × 16 items is 9.6 million). */
export interface SyntheticAnswers {
  /** Index into the members array. */
  member: Int32Array;
  /** Index into the periods array. */
  period: Int32Array;
  /** Index into the survey's asked items (question × horizon, in questionnaire order). */
  item: Int32Array;
  answer: Int8Array;
  length: number;
}

/**
 * Answers of every member to every asked item in every period; about 6% of enterprises miss a wave and 1% of the
 * remaining answers are blank.
 */
export function syntheticAnswers(survey: SurveyDefinition, members: readonly FrameMember[], periods: readonly WavePeriod[], seed: number): SyntheticAnswers {
  const items = survey.questions.flatMap((q) => q.horizons.map((h) => ({ q, h, shape: questionShape(q.code, h), sign: q.adverse ? -1 : 1 })));
  const capacity = members.length * periods.length * items.length;
  const member = new Int32Array(capacity);
  const period = new Int32Array(capacity);
  const item = new Int32Array(capacity);
  const answer = new Int8Array(capacity);
  const random = seededUniform(seed);
  const normal = seededNormal(seed ^ 0x5eed);
  const sensitivity = new Map<string, number>();
  for (const s of SERVICE_SECTIONS) sensitivity.set(s, 0.6 + 0.8 * random());
  const own = members.map(() => 0.25 * normal());
  const monthly = survey.frequency === 'monthly';
  let k = 0;
  periods.forEach((p, pi) => {
    const ordinal = monthly ? p.year * 12 + p.sub - 1 : p.year * 12 + p.sub * 3 - 2;
    const month = monthly ? p.sub : p.sub * 3 - 1;
    const festival = Number(SPRING_FESTIVAL[p.year]?.slice(5, 7) ?? 0);
    const season = (month === festival ? -0.35 : 0) + (month === 12 ? 0.15 : 0) + (month === 7 || month === 8 ? 0.08 : 0);
    const cycleAt = items.map((it) => syntheticCycle(ordinal + it.shape.lead));
    members.forEach((m, mi) => {
      if (random() < 0.06) return;
      const beta = sensitivity.get(m.sectionCode) ?? 1;
      items.forEach((it, ii) => {
        if (random() < 0.01) return;
        const z = it.sign * (beta * (cycleAt[ii] ?? 0) + (own[mi] ?? 0) + (it.shape.seasonal ? season : 0)) + 0.8 * normal();
        member[k] = mi;
        period[k] = pi;
        item[k] = ii;
        answer[k] = (z > 0.6 ? 1 : z < -0.6 ? -1 : 0) satisfies Answer;
        k++;
      });
    });
  });
  return { member, period, item, answer, length: k };
}
