import { createContext, useContext } from 'react';
import type { DeskRuntime } from './runtime';

export const RuntimeContext = createContext<DeskRuntime | null>(null);

export function useRuntime(): DeskRuntime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime outside a signed-in desk');
  return runtime;
}
