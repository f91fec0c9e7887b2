// A streaming RFC 4180 reader: bytes in (gzip or not), records out, one at a time, so a 1 GB file needs no
// more memory than its longest record. Each record carries the physical line it starts on (newlines inside
// quoted fields count), because that is what a person opens the file at when a row is rejected.
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
  /** Set when the record is malformed; its fields are then a best effort and should not be trusted. */
  error?: string;
}

export interface CsvOptions {
  delimiter?: string;
  /** A record longer than this stops the read: it is almost always an unclosed quote swallowing the file. */
  maxRecordChars?: number;
}

/** The input cannot be read as CSV at all (as opposed to one bad record, which is reported and skipped). */
export class CsvError extends Error {}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Yields the source's bytes, gunzipped when the name ends in .gz or the data starts with gzip's magic bytes. */
export async function* maybeGunzip(
  source: AsyncIterable<Buffer>,
  gzipByName = false,
): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  try {
    let head = Buffer.alloc(0);
    let done = false;
    while (head.length < 2 && !done) {
      const next = await it.next();
      if (next.done) done = true;
      else head = Buffer.concat([head, next.value]);
    }
    async function* all(): AsyncGenerator<Buffer> {
      if (head.length) yield head;
      for (let next = done ? null : await it.next(); next && !next.done; next = await it.next())
        yield next.value;
    }
    if (!gzipByName && !(head[0] === 0x1f && head[1] === 0x8b)) {
      yield* all();
      return;
    }
    // pipeline destroys the gunzip stream with the source's (or zlib's) error, so the loop below throws it.
    const gunzip = pipeline(Readable.from(all()), createGunzip(), () => undefined);
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    await it.return?.();
  }
}

/** The bytes of a file, transparently gunzipped. */
export const fileBytes = (path: string): AsyncGenerator<Buffer> =>
  maybeGunzip(createReadStream(path, { highWaterMark: 1 << 16 }), path.toLowerCase().endsWith('.gz'));

/** Parses CSV text arriving in chunks; UTF-8 is decoded across chunk boundaries and a leading BOM dropped. */
export async function* readCsv(
  chunks: AsyncIterable<Buffer | string>,
  options: CsvOptions = {},
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks)
    yield* parser.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  yield* parser.push(decoder.end());
  yield* parser.end();
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the end of the field, or the first half of an escaped "". */
  QuoteInQuoted,
  /** After a closing quote, where only a delimiter or a line break belongs. */
  AfterQuoted,
}

class CsvParser {
  private readonly delimiter: number;
  private readonly maxRecordChars: number;
  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  private line = 1;
  private recordLine = 1;
  private prevCR = false;
  private started = false;
  private error: string | undefined;

  constructor(options: CsvOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
      throw new CsvError(`invalid delimiter ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? 1 << 20;
  }

  /** Feeds text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: CsvRecord[] = [];
    let seg = 0; // where the current field's not yet copied text starts in `text`
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A CRLF is one line break: the CR counts, the LF after it does not.
      const lineBreak = c === LF ? !this.prevCR : c === CR;
      this.prevCR = c === CR;
      const blank = this.state === State.FieldStart && this.fields.length === 0;
      if (this.state === State.QuoteInQuoted) {
        seg = i;
        if (c === QUOTE) {
          this.state = State.Quoted; // an escaped "": this quote is content
          continue;
        }
        this.state = State.AfterQuoted; // the field is closed; see below what follows it
      } else if (this.state === State.FieldStart) {
        if (c === QUOTE) {
          this.state = State.Quoted;
          seg = i + 1;
          continue;
        }
        this.state = State.Unquoted;
        seg = i;
      }
      if (this.state === State.Quoted) {
        if (c === QUOTE) {
          this.field += text.slice(seg, i);
          this.state = State.QuoteInQuoted;
        } else if (lineBreak) this.line++;
      } else if (c === this.delimiter) {
        this.endField(text, seg, i);
        this.state = State.FieldStart;
        seg = i + 1;
      } else if (c === LF || c === CR) {
        if (lineBreak) this.endRecord(text, seg, i, blank, out);
        this.state = State.FieldStart;
        seg = i + 1;
      } else if (this.state === State.AfterQuoted) {
        this.error ??= 'unexpected text after a closing quote';
        this.state = State.Unquoted;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted || this.state === State.AfterQuoted)
      this.field += text.slice(seg);
    this.checkLength();
    return out;
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === State.Quoted) this.error ??= 'unterminated quoted field';
    if (this.state !== State.FieldStart || this.fields.length) this.endRecord('', 0, 0, false, out);
    return out;
  }

  private endField(text: string, from: number, to: number): void {
    const value = this.field + text.slice(from, to);
    this.fields.push(value);
    this.recordChars += value.length + 1;
    this.field = '';
    this.checkLength();
  }

  /** Closes the record at a line break (or the end); a blank line yields nothing but still counts. */
  private endRecord(text: string, from: number, to: number, blank: boolean, out: CsvRecord[]): void {
    if (!blank) {
      this.endField(text, from, to);
      const record: CsvRecord = { line: this.recordLine, fields: this.fields };
      if (this.error) record.error = this.error;
      out.push(record);
    }
    this.fields = [];
    this.field = '';
    this.recordChars = 0;
    this.error = undefined;
    this.line++;
    this.recordLine = this.line;
  }

  private checkLength(): void {
    if (this.recordChars + this.field.length > this.maxRecordChars)
      throw new CsvError(
        `line ${this.recordLine}: record longer than ${this.maxRecordChars} characters (an unclosed quote?)`,
      );
  }
}
