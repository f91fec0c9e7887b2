import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  csvText,
  csvValue,
  exportFileName,
  inertText,
  sheetName,
  sheetValue,
  wallTime,
  type ExportTable,
} from './table-export';
import { fillWorkbook } from './xlsx';

const ctx = { timeZone: 'Asia/Shanghai' };
const T = Date.UTC(2026, 10, 26, 6, 5); // 14:05 in Shanghai

const table: ExportTable = {
  name: '按平台',
  columns: [
    { label: '平台', format: 'text' },
    { label: '案件数', format: 'int' },
    { label: '延迟率', format: 'pct' },
    { label: '罚金', format: 'money' },
    { label: '截止时间', format: 'datetime' },
  ],
  rows: [
    ['淘宝', 46, 0.1957, 12_345, T],
    ['=cmd|"/c calc"!A1', 3, 0, 0, null],
    ['京东, "自营"', 26, null, 50, T],
  ],
};

describe('table exports', () => {
  it('writes times as the warehouse wall clock and keeps formulas inert', () => {
    expect(wallTime(T, 'Asia/Shanghai')).toBe('2026-11-26 14:05');
    expect(inertText('=1+1')).toBe("'=1+1");
    expect(inertText('-5')).toBe("'-5");
    expect(inertText('王芳')).toBe('王芳');
    expect(csvValue(0.1957, 'pct', ctx)).toBe('19.6%');
    expect(csvValue(12_345, 'money', ctx)).toBe('123.45');
    expect(csvValue(-3, 'int', ctx)).toBe('-3');
  });

  it('builds an RFC 4180 CSV with a byte-order mark, one line per row', () => {
    const text = csvText(table, ctx);
    expect(text.startsWith('\uFEFF平台,案件数,延迟率,罚金,截止时间\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      '平台,案件数,延迟率,罚金,截止时间',
      '淘宝,46,19.6%,123.45,2026-11-26 14:05',
      `"'=cmd|""/c calc""!A1",3,0.0%,0.00,`,
      '"京东, ""自营""",26,,0.50,2026-11-26 14:05',
    ]);
  });

  it('gives spreadsheets numbers (money in yuan) and safe, unique sheet names', () => {
    expect(sheetValue(12_345, 'money', ctx)).toBe(123.45);
    expect(sheetValue(0.25, 'pct', ctx)).toBe(0.25);
    expect(sheetValue(T, 'datetime', ctx)).toBe('2026-11-26 14:05');
    const taken = new Set<string>();
    expect(sheetName('按平台', taken)).toBe('按平台');
    expect(sheetName('按平台', taken)).toBe('按平台 (2)');
    expect(sheetName('a/b:c*d?[e]', taken)).toBe('a b c d  e');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(exportFileName('逾期工作台 按平台', 'csv', T, 'Asia/Shanghai')).toBe(
      '逾期工作台-按平台-2026-11-26-1405.csv',
    );
  });

  it('writes a workbook that reads back with the same rows, one sheet per table', async () => {
    const workbook = new ExcelJS.Workbook();
    fillWorkbook(workbook, [table, { ...table, name: '按平台' }], ctx);
    const buffer = await workbook.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    expect(back.worksheets.map((s) => s.name)).toEqual(['按平台', '按平台 (2)']);
    const sheet = back.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '平台', '案件数', '延迟率', '罚金', '截止时间']);
    expect(sheet.getRow(2).values).toEqual([undefined, '淘宝', 46, 0.1957, 123.45, '2026-11-26 14:05']);
    expect(sheet.getColumn(3).numFmt).toBe('0.0%');
    expect(sheet.rowCount).toBe(4);
  });
});
