/**
 * Drawing the survey panel (调查样本) from the enterprise frame (名录, the enterprise database): strata by industry
 * section × size class; large enterprises are all taken (certainty stratum, as business surveys do: they carry the
 * weighted indices); in every other stratum a fixed number is drawn at random (or all, when fewer). Deterministic for
 * a seed, so a panel can be drawn again and checked.
 *
 * A frame member has the attributes of the enterprise registry (issue 18, domain/enterprise/enterprise.ts:
 * `EnterpriseSummary` — uscc, industryCode, sectionCode, regionCode, sizeClass) and the size measures the weighted
 * indices use (revenue 营业收入 万元, employees 从业人员 人).
 */
import type { SizeClass } from '../enterprise/size';
import { seededUniform } from '../forecast/random';

export interface FrameMember {
  uscc: string;
  industryCode: string;
  sectionCode: string;
  regionCode: string;
  sizeClass: SizeClass | null;
  revenue: number | null;
  employees: number | null;
}

export interface PanelDesign {
  /** Sections sampled (the service sections by default); others are not in scope. */
  sections: readonly string[];
  /** Size classes taken whole. */
  certainty: readonly SizeClass[];
  /** Enterprises drawn in each other stratum (section × size class). */
  perStratum: number;
}

export interface PanelDraw {
  members: FrameMember[];
  /** Per stratum (section|size): enterprises in the frame and in the panel, and the design weight N / n. */
  strata: Array<{ section: string; sizeClass: SizeClass | 'unknown'; frame: number; drawn: number; designWeight: number | null }>;
}

/**
 * @example
 * drawPanel(frame, { sections: ['I', 'L'], certainty: ['large'], perStratum: 20 }, 2024).members.length
 */
export function drawPanel(frame: readonly FrameMember[], design: PanelDesign, seed: number): PanelDraw {
  const strata = new Map<string, FrameMember[]>();
  const sections = new Set(design.sections);
  for (const m of frame) {
    if (!sections.has(m.sectionCode)) continue;
    const key = `${m.sectionCode}|${m.sizeClass ?? 'unknown'}`;
    const list = strata.get(key);
    if (list) list.push(m);
    else strata.set(key, [m]);
  }
  const random = seededUniform(seed);
  const members: FrameMember[] = [];
  const summary: PanelDraw['strata'] = [];
  for (const key of [...strata.keys()].sort()) {
    const list = [...(strata.get(key) ?? [])].sort((a, b) => (a.uscc < b.uscc ? -1 : 1));
    const [section = '', size = 'unknown'] = key.split('|');
    const takeAll = design.certainty.includes(size as SizeClass) || list.length <= design.perStratum;
    // A partial Fisher–Yates shuffle draws perStratum without replacement.
    const drawn = takeAll ? list : shuffledPrefix(list, design.perStratum, random);
    members.push(...drawn);
    summary.push({ section, sizeClass: size as SizeClass | 'unknown', frame: list.length, drawn: drawn.length, designWeight: drawn.length > 0 ? list.length / drawn.length : null });
  }
  return { members: members.sort((a, b) => (a.uscc < b.uscc ? -1 : 1)), strata: summary };
}

function shuffledPrefix<T>(list: readonly T[], k: number, random: () => number): T[] {
  const a = [...list];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a.slice(0, k);
}
