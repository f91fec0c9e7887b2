// Writing actions to the outbox: each under the next mutation id, the counter advanced, all in one IndexedDB
// transaction, however many actions (a bulk claim of 300 ticked cases is one write, not 300).
import Dexie from 'dexie';
import type { DeskDb } from './local-db';
import type { OutboxEntry } from './outbox-entry';

/** The meta row holding the next mutation id. */
export const NEXT_ID_KEY = 'nextMutationId';

/**
 * Writes `entries` in order under consecutive ids and advances the counter past them, in one transaction; returns
 * them with their ids. When `expected` is where this store's last write left the counter, the read, the adds and
 * the advance go to IndexedDB together (one round trip instead of three); the read still decides: if another
 * window moved the counter, that transaction is rolled back and the write is redone reading first (`highestId`
 * when there is no counter yet). Ids never repeat either way.
 */
export async function writeOutboxEntries(
  db: DeskDb,
  entries: readonly OutboxEntry[],
  expected: number | null,
  highestId: () => Promise<number>,
): Promise<OutboxEntry[]> {
  const numbered = (first: number) => entries.map((e, i): OutboxEntry => ({ ...e, id: first + i }));
  if (expected !== null) {
    const rows = numbered(expected);
    try {
      await db.transaction('rw', db.meta, db.outbox, async () => {
        const [counter] = await Promise.all([
          db.meta.get(NEXT_ID_KEY),
          db.outbox.bulkAdd(rows),
          db.meta.put({ key: NEXT_ID_KEY, value: expected + rows.length }),
        ]);
        if (counter?.value !== expected) throw new Error('the mutation id counter moved');
      });
      return rows;
    } catch {
      // Another window wrote since (or the add failed): the careful path below reads the counter first.
    }
  }
  try {
    return await db.transaction('rw', db.meta, db.outbox, async () => {
      const first =
        ((await db.meta.get(NEXT_ID_KEY))?.value as number | undefined) ?? (await highestId()) + 1;
      const rows = numbered(first);
      await db.outbox.bulkAdd(rows);
      await db.meta.put({ key: NEXT_ID_KEY, value: first + rows.length });
      return rows;
    });
  } catch (err) {
    // The reason a person is told (a full disk, a damaged counter) is the failed add's, not Dexie's wrapper.
    throw err instanceof Dexie.BulkError && err.failures[0] ? err.failures[0] : err;
  }
}
