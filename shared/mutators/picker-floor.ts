// Running the floor (brief F7, W5): a lead marks a picker absent or back, or moves them to another zone. These
// act on the picker, not on a case; like every action they queue offline and replay once.
import { z } from 'zod';
import { PickerStatus } from '../schemas/enums';
import { Id } from '../schemas/primitives';
import { canOverride } from '../rules/permissions';
import { refuse, type Mutator } from './types';

const LEAD_ONLY = { code: 'forbidden', message: 'only a lead or an admin runs the floor' } as const;

export const SetPickerStatusArgs = z.object({ pickerId: Id, status: PickerStatus });
export type SetPickerStatusArgs = z.infer<typeof SetPickerStatusArgs>;

export const setPickerStatus: Mutator<SetPickerStatusArgs, 'picker'> = {
  name: 'setPickerStatus',
  target: 'picker',
  args: SetPickerStatusArgs,
  targetId: (a) => a.pickerId,
  apply(current, args, { actor }) {
    if (!canOverride(actor)) return refuse(LEAD_ONLY);
    return {
      ok: true,
      next: current.status === args.status ? current : { ...current, status: args.status },
      events: [],
    };
  },
};

export const MovePickerArgs = z.object({ pickerId: Id, zoneId: Id });
export type MovePickerArgs = z.infer<typeof MovePickerArgs>;

export const movePicker: Mutator<MovePickerArgs, 'picker'> = {
  name: 'movePicker',
  target: 'picker',
  args: MovePickerArgs,
  targetId: (a) => a.pickerId,
  apply(current, args, { actor }) {
    if (!canOverride(actor)) return refuse(LEAD_ONLY);
    // That the zone belongs to the picker's warehouse is checked where zones are known (the server).
    return {
      ok: true,
      next: current.zoneId === args.zoneId ? current : { ...current, zoneId: args.zoneId },
      events: [],
    };
  },
};
