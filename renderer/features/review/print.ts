// Printing the handover report: in the desktop app Electron renders the page to a PDF (`desk:print-pdf`, which
// also asks where to save it); in the browser, the browser's own print dialog (which can save a PDF too). Both
// print with the print stylesheet (print-sheet.tsx), which shows only the report.
export type PrintOutcome = { kind: 'pdf'; saved: boolean; path: string | null } | { kind: 'print' };

/** A desktop shell from before `desk:print-pdf` refuses the channel; the browser's print still works there. */
const unknownChannel = (err: unknown) =>
  err instanceof Error && /unknown channel|no handler/i.test(err.message);

export async function printDocument(title: string): Promise<PrintOutcome> {
  const previous = document.title;
  // The browser suggests the document's title as the PDF's file name.
  document.title = title;
  try {
    const desk = window.desk;
    if (desk) {
      try {
        const result = await desk.invoke('desk:print-pdf', { title });
        return { kind: 'pdf', saved: result.saved, path: result.path };
      } catch (err) {
        if (!unknownChannel(err)) throw err;
      }
    }
    window.print();
    return { kind: 'print' };
  } finally {
    document.title = previous;
  }
}
