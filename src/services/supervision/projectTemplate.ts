/**
 * The dispatch table template (重大项目月度调度表.xlsx): a 调度表 sheet with the headers, one row per major project of
 * the plan (its key and name filled in, for the unit to keep its own rows), drop-down lists for district, unit and
 * phase, and a 填写说明 sheet. Built from the database, so any loaded plan gets its own template.
 */
import type ExcelJS from 'exceljs';
import type { Database } from '../../db/client';
import { listPlanItems } from '../../db/plans';
import { listRegions } from '../../db/regions';
import { allUnits } from '../../db/supervision/units';
import { PROJECT_FIELDS, PROJECT_HEADERS, PROJECT_REQUIRED, type ProjectField } from '../../domain/supervision/projectRow';
import { PROJECT_PHASE_LABELS } from '../../domain/supervision/terms';
import { EVERY_PLAN, plansService } from '../plans';

const GUIDE: Record<ProjectField, string> = {
  item: '规划项目：项目在规划中的编号（如 p2-01）或规划原文中的名称，已预填',
  name: '项目名称：仅供核对，以规划原文为准',
  code: '项目代码：全国投资项目在线审批监管平台赋予的项目代码（GB/T 40058-2021，如 2021-440305-70-01-012345），没有可不填',
  district: '所在区：区名（南山区）或行政区划代码（440305）',
  owner: '责任单位：填报单位全称，从下拉列表选择；一个文件只填一个单位的项目',
  period: '报告期：2024-03、2024年3月、2024Q1 或 2024年1-3月（按月调度填月份）',
  totalInvestment: '总投资（亿元）；列名写“（万元）”时按万元填写',
  annualPlan: '年度计划投资（亿元）：每年首次填报即为年度计划基线；之后填写不同数值视为计划调整（新版本），基线保留',
  ytdCompleted: '本年累计完成投资（亿元），不能为负数',
  sinceStartCompleted: '开工以来累计完成投资（亿元）',
  phase: '项目阶段：前期、新开工、续建、竣工投产',
  plannedStart: '计划开工日期（2024-03-15 或 2024-03）',
  actualStart: '实际开工日期',
  plannedCompletion: '计划竣工日期',
  actualCompletion: '实际竣工日期',
  imageProgress: '形象进度：工程实际进展的文字描述',
  problems: '存在问题及需协调事项',
};

export async function buildProjectTemplate(database: Database, planId: string): Promise<Buffer> {
  await plansService.get(database, planId, EVERY_PLAN);
  const [items, regions, units] = await Promise.all([listPlanItems(database.db, planId, 'project'), listRegions(database.db), allUnits(database.db)]);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Plan Monitor 规划监测评估平台';
  const sheet = wb.addWorksheet('调度表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const guide = wb.addWorksheet('填写说明');
  const options = wb.addWorksheet('选项', { state: 'veryHidden' });
  sheet.columns = PROJECT_FIELDS.map((f) => ({ header: PROJECT_HEADERS[f], key: f, width: f === 'imageProgress' || f === 'problems' || f === 'name' ? 36 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell, col) => {
    const f = PROJECT_FIELDS[col - 1];
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f && PROJECT_REQUIRED.includes(f) ? 'FFFFE58F' : 'FFE6F4FF' } };
  });
  for (const i of items) sheet.addRow({ item: i.key, name: i.title.zh });
  const today = new Date().toISOString().slice(0, 10);
  const lists: Array<[ProjectField, string[]]> = [
    ['district', regions.filter((r) => r.level === 'district' && (r.validTo === null || r.validTo >= today)).map((r) => r.name.zh)],
    ['owner', units.map((u) => u.name.zh)],
    ['phase', Object.values(PROJECT_PHASE_LABELS).map((l) => l.zh)],
  ];
  const rows = Math.max(items.length, 200) + 1;
  lists.forEach(([field, values], i) => {
    const col = options.getColumn(i + 1);
    col.values = [PROJECT_HEADERS[field], ...values];
    const letter = sheet.getColumn(PROJECT_FIELDS.indexOf(field) + 1).letter;
    validations(sheet).add(`${letter}2:${letter}${rows}`, {
      type: 'list', allowBlank: true, formulae: [`选项!$${col.letter}$2:$${col.letter}$${values.length + 1}`], showErrorMessage: true, errorTitle: PROJECT_HEADERS[field], error: `请从下拉列表中选择${PROJECT_HEADERS[field]}`,
    });
  });
  // Periods and codes are text: Excel would otherwise turn 2024-03 into a date.
  for (const f of ['period', 'code'] as const) sheet.getColumn(PROJECT_FIELDS.indexOf(f) + 1).numFmt = '@';
  guide.columns = [{ width: 26 }, { width: 100 }];
  guide.addRows([
    ['列', '填写要求'],
    ...PROJECT_FIELDS.map((f) => [PROJECT_HEADERS[f], GUIDE[f] + (PROJECT_REQUIRED.includes(f) ? '（必填）' : '')]),
    [],
    ['说明', '一个文件为一个责任单位的一次导入：任何一行有错，整个文件不写入（可先"试导入"查看每个单元格的错误）。同一文件重复导入不会重复写入；同一报告期数据变化时保留原记录，新增修订版本。'],
    ['说明', '不属于本单位的项目行请删除。累计完成投资超过总投资时给出提示，仍可导入。'],
  ]);
  guide.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** exceljs keeps range validations in `dataValidations` but does not declare it (see services/import/template.ts). */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}
