/** 评估报告: report requests, drafts and edits. */
import { z } from 'zod';
import { asOfParam } from './asOf';
import { REPORT_FORMATS, REPORT_KINDS } from '../../domain/report/kinds';
import { includeDrafts } from './observations';
import { planParams } from './plans';
// ── Reports (issue 7): 年度监测报告, 中期评估报告, 总结评估报告 as Word, PDF or Excel ────────────────────────────

export const reportParams = planParams.extend({ kind: z.enum(REPORT_KINDS).describe('annual 年度监测报告 | midterm 中期评估报告 | final 总结评估报告') });
export const reportDraftQuery = z.object({
  asOf: asOfParam.optional().describe('a year (2025) or a date (2026-03-31); default: the plan’s end for final, its middle year for midterm, last year for annual'),
  lang: z.enum(['zh', 'en']).default('zh'),
  region: z.string().optional().describe('region code (default: the plan’s region)'),
  includeDrafts,
});
export const reportQuery = reportDraftQuery.extend({ format: z.enum(REPORT_FORMATS).default('docx') });
export const reportSection = z.object({ id: z.string(), heading: z.string(), text: z.string().describe('paragraphs separated by a newline') });
export const reportDraft = z.object({ title: z.string(), sections: z.array(reportSection) });
export const reportEdits = z.object({
  sections: z.array(z.object({ id: z.string().describe('a section id of the draft: overview, indicators, measures, projects, problems, suggestions'), text: z.string().max(200_000) })).max(20),
});
export type ReportDraftDto = z.infer<typeof reportDraft>;
export type ReportEditsDto = z.infer<typeof reportEdits>;

