// Lets the command palette and shortcuts move focus into the worklist (its search box or its grid) without
// reaching into its DOM. The mounted worklist registers its targets here.
type Target = 'search' | 'grid';

const targets = new Map<Target, () => void>();

export function registerFocusTarget(target: Target, focus: () => void): () => void {
  targets.set(target, focus);
  return () => {
    if (targets.get(target) === focus) targets.delete(target);
  };
}

export function focusWorklist(target: Target): void {
  targets.get(target)?.();
}
