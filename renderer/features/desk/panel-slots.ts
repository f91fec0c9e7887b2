// Places in the desk for the leads' panels built in other feature folders: the floor (pickers by zone) and the
// approval queue (compensation above the limit). Found by their export names, so the desk builds before they
// exist and shows them as soon as they do; until then the desk shows a placeholder.
import type { ComponentType } from 'react';

const modules = import.meta.glob<Record<string, unknown>>(
  ['../pickers/*.tsx', '../compensation/*.tsx', '!../**/*.test.tsx'],
  { eager: true },
);

function exported(name: string): ComponentType | null {
  for (const module of Object.values(modules)) {
    const candidate = module[name];
    // Function components, and memo/forwardRef objects.
    if (typeof candidate === 'function' || (typeof candidate === 'object' && candidate !== null))
      return candidate as ComponentType;
  }
  return null;
}

export const FloorPanel = exported('FloorPanel');
export const ApprovalQueue = exported('ApprovalQueue');
