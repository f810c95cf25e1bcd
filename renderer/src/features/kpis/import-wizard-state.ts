/**
 * The ticket import wizard as a state machine (pure): which step is shown, what may come next, and
 * what each event does. The component only renders the state and dispatches events.
 */
import type { Analysis, WizardOptions } from './import-analysis';
import { DEFAULT_OPTIONS } from './import-analysis';
import type { ImportProgressInfo } from '../../workers/run-ticket-import';

export const WIZARD_STEPS = ['file', 'settings', 'dates', 'preview', 'import'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const STEP_LABELS: Record<WizardStep, string> = {
  file: 'File',
  settings: 'Columns',
  dates: 'Dates',
  preview: 'Preview',
  import: 'Import',
};

export type ImportSummary = {
  fileName: string;
  rowsRead: number;
  tickets: number;
  rejectedRows: number;
  dataIssues: Record<string, number>;
  snapshotsAdded: number;
  snapshotsReplaced: number;
  quarters: string[];
};

export type RunPhase = 'idle' | 'reading' | 'saving' | 'done' | 'cancelled' | 'failed';

export type WizardState = {
  step: WizardStep;
  file: { name: string; size: number } | null;
  fileError: string | null;
  options: WizardOptions;
  /** null while the file is being analysed. */
  analysis: Analysis | null;
  datesConfirmed: boolean;
  phase: RunPhase;
  progress: ImportProgressInfo | null;
  summary: ImportSummary | null;
  error: string | null;
};

export type WizardEvent =
  | { type: 'file-chosen'; name: string; size: number; savedOptions?: Partial<WizardOptions> }
  | { type: 'file-rejected'; message: string }
  | { type: 'set-options'; patch: Partial<WizardOptions> }
  | { type: 'analysed'; analysis: Analysis }
  | { type: 'confirm-dates'; confirmed: boolean }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'start' }
  | { type: 'progress'; progress: ImportProgressInfo }
  | { type: 'saving' }
  | { type: 'completed'; summary: ImportSummary }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string }
  | { type: 'retry' };

export const initialWizardState: WizardState = {
  step: 'file',
  file: null,
  fileError: null,
  options: DEFAULT_OPTIONS,
  analysis: null,
  datesConfirmed: false,
  phase: 'idle',
  progress: null,
  summary: null,
  error: null,
};

/** Whether the user may go on from the current step; the reason when not. */
export function nextBlocker(s: WizardState): string | null {
  switch (s.step) {
    case 'file':
      return s.file ? null : 'Choose a file first.';
    case 'settings':
      if (!s.analysis) return 'Reading the file…';
      // An ambiguous date order is settled on the next step.
      if (!s.analysis.ok && !s.analysis.ambiguous) return 'Fix the problem above first.';
      return null;
    case 'dates':
      if (!s.analysis) return 'Reading the file…';
      if (!s.analysis.ok) {
        return s.analysis.ambiguous ? 'Choose whether the dates are day/month or month/day.' : 'Fix the problem first.';
      }
      return s.datesConfirmed ? null : 'Confirm the date format first.';
    case 'preview':
      return s.analysis?.ok ? null : 'Fix the problem first.';
    case 'import':
      return 'This is the last step.';
  }
}

const order = (step: WizardStep): number => WIZARD_STEPS.indexOf(step);

/** Applies one event. Events that make no sense in the current state leave it unchanged. */
export function wizardReducer(s: WizardState, e: WizardEvent): WizardState {
  const running = s.phase === 'reading' || s.phase === 'saving';
  switch (e.type) {
    case 'file-chosen':
      if (running) return s;
      return {
        ...initialWizardState,
        file: { name: e.name, size: e.size },
        options: { ...DEFAULT_OPTIONS, ...e.savedOptions },
        step: 'settings',
      };
    case 'file-rejected':
      if (running) return s;
      return { ...initialWizardState, fileError: e.message };
    case 'set-options': {
      if (running || s.step === 'import') return s;
      // Anything that changes how the file reads needs the dates confirmed again.
      return { ...s, options: { ...s.options, ...e.patch }, analysis: null, datesConfirmed: false };
    }
    case 'analysed':
      return { ...s, analysis: e.analysis };
    case 'confirm-dates':
      if (s.step !== 'dates' || !s.analysis?.ok) return s;
      return { ...s, datesConfirmed: e.confirmed };
    case 'next': {
      if (nextBlocker(s) !== null) return s;
      const next = WIZARD_STEPS[order(s.step) + 1];
      return next ? { ...s, step: next } : s;
    }
    case 'back': {
      if (running || s.phase === 'done' || s.step === 'file') return s;
      const prev = WIZARD_STEPS[order(s.step) - 1]!;
      return { ...s, step: prev, phase: 'idle', progress: null, error: null };
    }
    case 'start':
      if (s.step !== 'import' || running || s.phase === 'done' || !s.analysis?.ok || !s.file) return s;
      return {
        ...s,
        phase: 'reading',
        progress: { bytesRead: 0, totalBytes: s.file.size, rowsRead: 0, tickets: 0 },
        error: null,
        summary: null,
      };
    case 'progress':
      return s.phase === 'reading' ? { ...s, progress: e.progress } : s;
    case 'saving':
      return s.phase === 'reading' ? { ...s, phase: 'saving' } : s;
    case 'completed':
      return running ? { ...s, phase: 'done', summary: e.summary } : s;
    case 'cancelled':
      return running ? { ...s, phase: 'cancelled', progress: null } : s;
    case 'failed':
      return running ? { ...s, phase: 'failed', error: e.message } : s;
    case 'retry':
      return s.phase === 'cancelled' || s.phase === 'failed' ? { ...s, phase: 'idle', error: null, progress: null } : s;
  }
}
