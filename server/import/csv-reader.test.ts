import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CsvError, maybeGunzip, readCsv, type CsvRecord } from './csv-reader';

async function parse(input: string | Buffer | (string | Buffer)[], options = {}): Promise<CsvRecord[]> {
  const chunks = Array.isArray(input) ? input : [input];
  const out: CsvRecord[] = [];
  for await (const r of readCsv(maybeGunzip(Readable.from(chunks.map((c) => Buffer.from(c)))), options))
    out.push(r);
  return out;
}

/** RFC 4180 writer for the round-trip property. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

describe('readCsv', () => {
  it('reads quoted fields with commas, quotes and newlines, and numbers records by physical line', async () => {
    const text = 'id,city,note\r\n1,"Rio, RJ","he said ""hi"""\r\n2,"two\r\nlines",x\r\n3,plain,\r\n';
    expect(await parse(text)).toEqual([
      { line: 1, fields: ['id', 'city', 'note'] },
      { line: 2, fields: ['1', 'Rio, RJ', 'he said "hi"'] },
      { line: 3, fields: ['2', 'two\r\nlines', 'x'] },
      { line: 5, fields: ['3', 'plain', ''] },
    ]);
  });

  it('drops a BOM, skips blank lines (still counting them) and reads a last line without a newline', async () => {
    expect(await parse('\uFEFFa,b\n\n1,2\n\n\n3,4')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('handles CRLF, LF and a lone CR as line breaks, split anywhere across chunks', async () => {
    const text = 'a,"b\r\nc"\r\nd,e\nf,g\rh,"i"""\r\n';
    const whole = await parse(text);
    expect(whole).toEqual([
      { line: 1, fields: ['a', 'b\r\nc'] },
      { line: 3, fields: ['d', 'e'] },
      { line: 4, fields: ['f', 'g'] },
      { line: 5, fields: ['h', 'i"'] },
    ]);
    for (let cut = 1; cut < text.length; cut++)
      expect(await parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('名称,城市\n拼多多,"杭州, 萧山"\n');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect((await parse(chunks)).map((r) => r.fields)).toEqual([
      ['名称', '城市'],
      ['拼多多', '杭州, 萧山'],
    ]);
  });

  it('marks malformed records instead of guessing silently', async () => {
    const records = await parse('a,b\n"x"y,1\n2,3\n"open,4\n5,6\n');
    expect(records[1]).toEqual({
      line: 2,
      fields: ['xy', '1'],
      error: 'unexpected text after a closing quote',
    });
    expect(records[2]).toEqual({ line: 3, fields: ['2', '3'] });
    expect(records[3]).toMatchObject({ line: 4, error: 'unterminated quoted field' });
  });

  it('stops with a CsvError when a record grows past the limit (an unclosed quote eating the file)', async () => {
    const text = `a,b\n1,"${'x'.repeat(5000)}`;
    await expect(parse(text, { maxRecordChars: 1000 })).rejects.toThrow(CsvError);
    await expect(parse(text, { maxRecordChars: 1000 })).rejects.toThrow(/line 2: record longer than 1000/);
  });

  it('reads gzip by its magic bytes, whatever the name', async () => {
    const gz = gzipSync('x,y\n1,"a,b"\n');
    expect((await parse([gz.subarray(0, 1), gz.subarray(1)])).map((r) => r.fields)).toEqual([
      ['x', 'y'],
      ['1', 'a,b'],
    ]);
  });

  it('fails on corrupt gzip instead of yielding garbage', async () => {
    const gz = gzipSync('x,y\n'.repeat(1000));
    gz[gz.length - 6] = gz[gz.length - 6]! ^ 0xff; // the CRC-32 trailer
    await expect(parse(gz)).rejects.toThrow();
  });

  it('streams: records come out while the source is still being read, gzip or not', async () => {
    // Random ids, so that gzip cannot shrink the input to a chunk or two.
    const ids = randomBytes(16 * 100_000).toString('hex');
    const lines = Array.from(
      { length: 100_000 },
      (_, i) => `${ids.slice(32 * i, 32 * i + 32)},"sao paulo, sp",2017-12-01 09:00:00,120.50,bed\n`,
    );
    const text = Buffer.from(lines.join('')); // ~8 MB
    for (const bytes of [text, gzipSync(text)]) {
      const chunks = Math.ceil(bytes.length / 65_536);
      let produced = 0;
      async function* source() {
        for (let i = 0; i < bytes.length; i += 65_536) {
          produced++;
          yield bytes.subarray(i, i + 65_536);
        }
      }
      let records = 0;
      let fields = 0;
      let producedAtFirst = 0;
      for await (const r of readCsv(maybeGunzip(source()))) {
        if (records++ === 0) producedAtFirst = produced;
        fields += r.fields.length;
      }
      expect([records, fields]).toEqual([100_000, 500_000]);
      expect(produced).toBe(chunks);
      // Nothing close to the whole input was held back before the first record was handed out.
      expect(producedAtFirst).toBeLessThanOrEqual(Math.max(4, chunks / 8));
    }
  });

  it('uses another delimiter when told', async () => {
    expect((await parse('a;b\n"1;2";3\n', { delimiter: ';' })).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
  });

  it('reads back whatever an RFC 4180 writer wrote, however the text is chunked', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', '名', ',', '"', '\n', '\r', ' ', '1'),
      maxLength: 6,
    });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.nat(), { maxLength: 4 }), async (rows, cuts) => {
        const text = rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
        const at = [...new Set(cuts.map((c) => c % text.length))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
        const got = await parse(chunks);
        expect(got.map((r) => r.fields)).toEqual(rows);
        expect(got.every((r) => r.error === undefined)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
