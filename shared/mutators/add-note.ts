import { z } from 'zod';
import { Id } from '../schemas/primitives';
import type { Mutator } from './types';

export const NOTE_MAX_CHARS = 2000;

export const AddNoteArgs = z.object({
  caseId: Id,
  /** Chosen by the client so the note keeps its identity from the first keystroke to the server. */
  noteId: z.uuid(),
  text: z.string().trim().min(1).max(NOTE_MAX_CHARS),
});
export type AddNoteArgs = z.infer<typeof AddNoteArgs>;

/** Notes are append-only: they apply to open and closed cases alike and never conflict. */
export const addNote: Mutator<AddNoteArgs> = {
  name: 'addNote',
  args: AddNoteArgs,
  target: 'case',
  targetId: (a) => a.caseId,
  apply(current, args) {
    return { ok: true, next: current, events: [{ id: args.noteId, kind: 'note', text: args.text }] };
  },
};
