// The pull cursor: for each warehouse in the user's scope, the (version, kind, id) of the last change sent.
// Opaque to clients (base64url JSON) but never trusted: a cursor that does not decode, names another database
// or a warehouse outside the user's scope, or points past the clock, makes the server answer "reset".
import { z } from 'zod';

/** Position inside one warehouse's change stream. kind -1 means "before everything". */
export const Position = z.tuple([z.number().int().nonnegative(), z.number().int().min(-1), z.string()]);
export type Position = z.infer<typeof Position>;

/** Bumped when the meaning of positions changes; a cursor of another format gets a reset. */
export const CURSOR_FORMAT = 2;

const CursorBody = z.object({
  f: z.literal(CURSOR_FORMAT),
  db: z.string(),
  w: z.record(z.string(), Position),
});
export type CursorBody = z.infer<typeof CursorBody>;

export const START: Position = [0, -1, ''];

export function encodeCursor(body: CursorBody): string {
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorBody | null {
  try {
    const parsed = CursorBody.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
