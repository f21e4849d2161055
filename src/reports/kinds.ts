/** The report kinds and formats (domain vocabulary) and the media type of each format. */
import type { ReportFormat } from '../domain/report/kinds';

export * from '../domain/report/kinds';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
