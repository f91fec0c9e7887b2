import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrintPdfHandler, pdfFileName, withPdfExtension } from './print-pdf';
import { createFakePdfDeps } from './test-fakes';

const CTX = { senderId: 3 };

describe('pdfFileName', () => {
  it.each([
    ['交接单 顺丰 2026-01-05', '交接单 顺丰 2026-01-05.pdf'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j.pdf'],
    ['  many   spaces\tand\nlines ', 'many spaces and lines.pdf'],
    ['...hidden.', 'hidden.pdf'],
    ['CON', '_CON.pdf'],
    ['lpt1', '_lpt1.pdf'],
    ['///', 'Overdue Desk.pdf'],
    ['bell\u0007', 'bell_.pdf'],
  ])('%j → %j', (title, expected) => {
    expect(pdfFileName(title)).toBe(expected);
  });

  it('keeps at most 120 characters, without splitting a character', () => {
    const name = pdfFileName('逾'.repeat(300));
    expect(name).toBe(`${'逾'.repeat(120)}.pdf`);
  });
});

describe('withPdfExtension', () => {
  it('adds .pdf when the chosen name has none', () => {
    expect(withPdfExtension('/d/report')).toBe('/d/report.pdf');
    expect(withPdfExtension('/d/report.PDF')).toBe('/d/report.PDF');
    expect(withPdfExtension('/d/v1.2')).toBe('/d/v1.2.pdf');
  });
});

describe('desk:print-pdf handler', () => {
  it('prints A4 with backgrounds, suggests <title>.pdf in Documents, writes the chosen file', async () => {
    const deps = createFakePdfDeps();
    deps.answer = { canceled: false, filePath: '/home/zw/Desktop/handover' };
    const result = await createPrintPdfHandler(deps)({ title: '交接单' }, CTX);
    expect(result).toEqual({ saved: true, path: '/home/zw/Desktop/handover.pdf' });
    expect(deps.printed).toEqual([{ senderId: 3, options: { printBackground: true, pageSize: 'A4' } }]);
    expect(deps.dialogs).toEqual([
      {
        senderId: 3,
        request: {
          title: '保存为 PDF',
          defaultPath: path.join('/home/zw/Documents', '交接单.pdf'),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      },
    ]);
    expect(new TextDecoder().decode(deps.written.get('/home/zw/Desktop/handover.pdf'))).toBe('%PDF-1.7 fake');
  });

  it('answers not saved on cancel', async () => {
    const deps = createFakePdfDeps();
    deps.answer = { canceled: false };
    await expect(createPrintPdfHandler(deps)({ title: 't' }, CTX)).resolves.toEqual({
      saved: false,
      path: null,
    });
    expect(deps.written.size).toBe(0);
  });

  it('rejects and logs when printing or writing fails, and can print again afterwards', async () => {
    const deps = createFakePdfDeps();
    const handler = createPrintPdfHandler(deps);
    deps.printError = new Error('printing failed');
    await expect(handler({ title: 't' }, CTX)).rejects.toThrow('printing failed');
    deps.printError = null;
    deps.answer = { canceled: false, filePath: '/ro/x.pdf' };
    deps.writeFile = () => Promise.reject(new Error('EACCES'));
    await expect(handler({ title: 't' }, CTX)).rejects.toThrow('EACCES');
    expect(deps.log.lines.map((line) => line.level)).toEqual(['warn', 'warn']);
    deps.writeFile = () => Promise.resolve();
    await expect(handler({ title: 't' }, CTX)).resolves.toEqual({ saved: true, path: '/ro/x.pdf' });
  });

  it('refuses a second PDF from the same window while the first dialog is open', async () => {
    const deps = createFakePdfDeps();
    let choose: (answer: { canceled: boolean }) => void = () => undefined;
    deps.showSaveDialog = () => new Promise((resolve) => (choose = resolve));
    const handler = createPrintPdfHandler(deps);
    const first = handler({ title: 'a' }, CTX);
    await expect(handler({ title: 'b' }, CTX)).rejects.toThrow(/already being saved/);
    choose({ canceled: true });
    await expect(first).resolves.toEqual({ saved: false, path: null });
  });

  it('titles the dialog in English on English systems', async () => {
    const deps = { ...createFakePdfDeps(), locale: 'en' as const };
    const dialogs: string[] = [];
    deps.showSaveDialog = async (_id, request) => {
      dialogs.push(request.title);
      return { canceled: true };
    };
    await createPrintPdfHandler(deps)({ title: 't' }, CTX);
    expect(dialogs).toEqual(['Save as PDF']);
  });
});
