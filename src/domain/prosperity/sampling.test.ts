import { describe, expect, it } from 'vitest';
import { drawPanel } from './sampling';
import { syntheticFrame } from './synthetic';
import { sectionOf } from './industrySection';

describe('panel draw (section × size strata, large enterprises all taken)', () => {
  const frame = syntheticFrame(1500, 7);
  const design = { sections: ['I', 'L', 'M'], certainty: ['large' as const], perStratum: 8 };

  it('takes every large enterprise, min(8, N) of the others per stratum, nothing outside the sections', () => {
    const d = drawPanel(frame, design, 42);
    for (const s of d.strata) {
      expect(['I', 'L', 'M']).toContain(s.section);
      expect(s.drawn).toBe(s.sizeClass === 'large' ? s.frame : Math.min(8, s.frame));
      expect(s.designWeight).toBeCloseTo(s.frame / s.drawn, 12);
    }
    const large = frame.filter((m) => m.sizeClass === 'large' && ['I', 'L', 'M'].includes(m.sectionCode));
    for (const m of large) expect(d.members).toContainEqual(m);
    expect(new Set(d.members.map((m) => m.uscc)).size).toBe(d.members.length);
  });

  it('draws the same panel for the same seed and another for another seed', () => {
    expect(drawPanel(frame, design, 42).members).toEqual(drawPanel(frame, design, 42).members);
    expect(drawPanel(frame, design, 43).members).not.toEqual(drawPanel(frame, design, 42).members);
  });

  it('makes USCC-shaped codes with a valid check character (GB 32100) and real section codes', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const m of frame.slice(0, 50)) {
      expect(m.uscc).toMatch(/^91440[0-9]{3}[0-9A-HJ-NPQRTUWXY]{10}$/);
      let sum = 0;
      let w = 1;
      for (let i = 0; i < 17; i++) {
        sum += alphabet.indexOf(m.uscc[i] ?? '') * w;
        w = (w * 3) % 31;
      }
      expect(m.uscc[17]).toBe(alphabet[(31 - (sum % 31)) % 31]);
      expect(sectionOf(m.industryCode)).toBe(m.sectionCode);
    }
  });
});

describe('industry sections of GB/T 4754-2017', () => {
  it('maps divisions and classes to their 门类 by the standard’s ranges', () => {
    // 01 农业 A, 06 煤炭开采 B, 43 C, 44 D, 50 E, 51 F, 60 G, 61 H, 6513 I, 69 J, 70 K, 72 L, 75 M, 79 N, 82 O, 83 P, 85 Q, 90 R, 91 S, 96 S, 97 T.
    const cases: Array<[string, string]> = [['01', 'A'], ['06', 'B'], ['43', 'C'], ['44', 'D'], ['50', 'E'], ['51', 'F'], ['60', 'G'], ['61', 'H'], ['6513', 'I'], ['69', 'J'], ['70', 'K'], ['72', 'L'], ['75', 'M'], ['79', 'N'], ['82', 'O'], ['83', 'P'], ['85', 'Q'], ['90', 'R'], ['91', 'S'], ['96', 'S'], ['97', 'T'], ['I', 'I']];
    for (const [code, section] of cases) expect(sectionOf(code), code).toBe(section);
    expect(sectionOf('98')).toBeNull();
    expect(sectionOf('00')).toBeNull();
    expect(sectionOf('65a')).toBeNull();
  });
});
