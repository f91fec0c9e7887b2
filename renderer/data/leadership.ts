// One sync loop per local store, however many windows are open: the window holding the Web Lock named after the
// store is the leader and runs the sync engine and the event stream; the others wait for the lock and take over
// when the leader's window closes or crashes (the browser releases its lock). Where Web Locks do not exist
// (tests in Node), the only window leads.
export interface Leadership {
  readonly isLeader: boolean;
  release(): void;
}

export function electLeader(
  name: string,
  onLead: () => Promise<void> | void,
  onChange?: (leader: boolean) => void,
): Leadership {
  let leader = false;
  let release: () => void = () => undefined;
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) {
    leader = true;
    void onLead();
    onChange?.(true);
    return {
      get isLeader() {
        return leader;
      },
      release() {
        leader = false;
      },
    };
  }
  const held = new Promise<void>((resolve) => (release = resolve));
  void locks
    .request(`desk-sync:${name}`, async () => {
      leader = true;
      await onLead();
      onChange?.(true);
      await held;
      leader = false;
    })
    .catch(() => undefined);
  return {
    get isLeader() {
      return leader;
    },
    release: () => release(),
  };
}
