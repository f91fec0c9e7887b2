// Every dialog of the case panel, opened through the store (`openDialog`) so the command palette and keyboard
// shortcuts reach them as well as the panel's buttons. Each action goes through the outbox.
import { useEffect } from 'react';
import type { CaseView } from '../../../shared/schemas/case';
import { canOverride } from '../../../shared/rules/permissions';
import { actorOf } from '../../app/runtime';
import { useRuntime } from '../../app/runtime-context';
import { useDesk, type CaseDialog } from '../../state/store';
import { CompensateDialog } from '../compensation/CompensateDialog';
import { SwitchCarrierDialog } from '../courier/SwitchCarrierDialog';
import { ContactDialog } from '../customer/ContactDialog';
import { AssignPickerDialog, LeadAssignDialog } from '../pickers/AssignPickerDialog';
import { AgreeDelayDialog } from './AgreeDelayDialog';
import { ReassignDialog } from './ReassignDialog';
import { ReopenDialog } from './ReopenDialog';
import { ResolveDialog } from './ResolveDialog';

/** Whether a dialog applies to the case as it is (resolve needs an open case, reopen a resolved one...). */
function applies(dialog: CaseDialog, c: CaseView, lead: boolean): boolean {
  const open = c.status === 'open';
  switch (dialog) {
    case 'reopen':
      return c.status === 'resolved';
    case 'contact':
    case 'compensate':
      return true;
    case 'reassign':
      return open && lead;
    default:
      return open;
  }
}

export function CaseDialogs({ c }: { c: CaseView }) {
  const { store, user } = useRuntime();
  const dialog = useDesk((s) => s.dialog);
  const close = () => useDesk.getState().openDialog(null);
  const usable = dialog !== null && applies(dialog, c, canOverride(actorOf(user)));
  // A dialog asked for a case it does not apply to (the palette on a closed case) is dropped, so it does not
  // pop up later on another case.
  useEffect(() => {
    if (dialog !== null && !usable) useDesk.getState().openDialog(null);
  }, [dialog, usable]);
  if (!usable) return null;
  switch (dialog) {
    case 'resolve':
      return (
        <ResolveDialog
          open
          onClose={close}
          onResolve={({ cause, secondaryCauses, outcome, note }) => {
            close();
            void store.enqueue('resolveCase', {
              caseId: c.id,
              cause,
              outcome,
              ...(secondaryCauses.length ? { secondaryCauses } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            });
          }}
        />
      );
    case 'delay':
      return (
        <AgreeDelayDialog
          c={c}
          open
          onClose={close}
          onAgree={({ newShipBy, note }) => {
            close();
            void store.enqueue('agreeDelay', { caseId: c.id, newShipBy, note });
          }}
        />
      );
    case 'reopen':
      return (
        <ReopenDialog
          onClose={close}
          onReopen={(note) => {
            close();
            void store.enqueue('reopenCase', { caseId: c.id, note });
          }}
        />
      );
    case 'contact':
      return <ContactDialog c={c} onClose={close} />;
    case 'compensate':
      return <CompensateDialog c={c} onClose={close} />;
    case 'switchCarrier':
      return <SwitchCarrierDialog c={c} onClose={close} />;
    case 'assignPicker':
      return <AssignPickerDialog c={c} onClose={close} />;
    case 'reassign':
      return <ReassignDialog c={c} onClose={close} />;
    default:
      return null;
  }
}

/**
 * With no case open, the one case dialog that still makes sense is a lead's picker assignment for the ticked
 * cases (the worklist's bulk bar opens it).
 */
export function BulkDialogs() {
  const { user } = useRuntime();
  const dialog = useDesk((s) => s.dialog);
  const ticked = useDesk((s) => s.checkedIds.size);
  if (dialog !== 'assignPicker' || ticked === 0 || !canOverride(actorOf(user))) return null;
  return <LeadAssignDialog c={null} onClose={() => useDesk.getState().openDialog(null)} />;
}
