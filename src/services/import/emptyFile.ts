/** The one message every file import gives for a file with nothing to import (figures, enterprises, survey answers). */
export function emptyFileProblem(fileName: string, sawHeader: boolean, rows: number): string | null {
  if (!sawHeader) return `${fileName}: the file is empty (no header row, no data)`;
  if (rows === 0) return `${fileName}: the file has a header but no data rows`;
  return null;
}
