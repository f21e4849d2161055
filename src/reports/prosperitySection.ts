/**
 * Puts the 服务业景气指数 box (专栏) after 主要指标完成情况 in the annual and mid-term reports — the one hook draft.ts
 * calls, so the report's own sections and their numbering stay as they are.
 */
import type { ReportContext } from './context';
import type { DraftSection } from './draft';
import { prosperitySection } from './prosperity';

export function withProsperityBox(sections: DraftSection[], ctx: ReportContext): DraftSection[] {
  const box = prosperitySection(ctx.prosperity ?? null, ctx.kind, ctx.lang);
  if (!box) return sections;
  const at = sections.findIndex((s) => s.id === 'indicators');
  return [...sections.slice(0, at + 1), box, ...sections.slice(at + 1)];
}
