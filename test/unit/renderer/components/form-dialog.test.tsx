import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicesContext, type AppServices } from '../../../../renderer/src/app/services';
import { MoneyField, TextField } from '../../../../renderer/src/components/field';
import {
  FormDialog,
  GroupError,
  NOTHING_SAVED,
  useFormDialog,
  type FieldErrors,
  type SaveResult,
} from '../../../../renderer/src/components/form-dialog';
import { RowActions, RowButton } from '../../../../renderer/src/components/row-actions';
import type { ChangeSet } from '../../../../renderer/src/db/changes';
import type { QuarterdeckDb } from '../../../../renderer/src/db/database';
import { ValidationError } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { useUi } from '../../../../renderer/src/state/store';
import { makeFakeBridge } from '../../../helpers/fake-bridge';
import { makeTestDb, testContext } from '../../../helpers/test-db';

type Draft = { name: string; amount: string };

const CHANGES: ChangeSet = {
  label: 'Edit thing',
  changes: [{ table: 'parties', key: 'p1', before: null, after: { id: 'p1' } }],
};

let db: QuarterdeckDb;
let services: AppServices;
/** What the next save does: write, fail on fields, or fail for another reason. */
let outcome: 'ok' | ValidationError | Error;
let saves: Draft[];
let closed: number;

beforeEach(async () => {
  const opened = await makeTestDb();
  db = opened.db;
  const ctx = testContext('fd', '2026-03-15T10:00:00.000Z');
  services = { db, bridge: makeFakeBridge(), history: new UndoHistory(), ctx, readOnlyReason: null, persisted: null };
  useUi.setState({ toasts: [] });
  outcome = 'ok';
  saves = [];
  closed = 0;
});

afterEach(() => {
  cleanup();
  db.close();
});

function validate(d: Draft): FieldErrors {
  return d.name.trim() ? {} : { name: 'Enter a name.' };
}

function ThingDialog({
  onClose,
  keepUndo,
  explain,
}: {
  onClose: () => void;
  keepUndo: boolean | undefined;
  explain: boolean;
}) {
  const form = useFormDialog<Draft>({
    initial: () => ({ name: '', amount: '' }),
    validate,
    save: async (d) => {
      saves.push(d);
      if (outcome === 'ok') return CHANGES;
      throw outcome;
    },
    toast: (d) => `Saved “${d.name.trim()}”`,
    onSaved: onClose,
    explainOtherFailures: explain,
  });
  return (
    <FormDialog
      title="Edit thing"
      onClose={onClose}
      form={form}
      known={['name', 'amount']}
      {...(keepUndo === undefined ? {} : { keepUndo })}
      saveLabel="Save thing"
    >
      <TextField label="Name" {...form.bind('name')} required autoFocus />
      <MoneyField label="Amount" currency="EUR" {...form.bind('amount')} hint="Per month." />
    </FormDialog>
  );
}

function Harness({ keepUndo, explain = true }: { keepUndo?: boolean; explain?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <ServicesContext.Provider value={services}>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open ? (
        <ThingDialog
          keepUndo={keepUndo}
          explain={explain}
          onClose={() => {
            closed += 1;
            setOpen(false);
          }}
        />
      ) : null}
    </ServicesContext.Provider>
  );
}

async function openDialog(props: { keepUndo?: boolean; explain?: boolean } = {}) {
  render(<Harness {...props} />);
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  const dialog = await screen.findByRole('dialog', { name: 'Edit thing' });
  return { opener, dialog };
}

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });
const amountInput = () => screen.getByRole('textbox', { name: 'Amount (EUR)' });

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save thing' }));
  });
}

describe('FormDialog + useFormDialog', () => {
  it('opens with focus inside the dialog and a form named by the title', async () => {
    const { dialog } = await openDialog();
    expect(screen.getByRole('form', { name: 'Edit thing' })).toBeTruthy();
    // (happy-dom ignores autoFocus, so react-aria focuses the dialog itself; the e2e specs check the field.)
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    // MoneyField: currency in the label, decimal keyboard, 0 shown when empty, hint tied to the input.
    const amount = amountInput() as HTMLInputElement;
    expect(amount.inputMode).toBe('decimal');
    expect(amount.placeholder).toBe('0');
    expect(document.getElementById(amount.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Per month.');
  });

  it('a field error blocks the save, is tied to its input and takes focus', async () => {
    await openDialog();
    fireEvent.change(amountInput(), { target: { value: '12' } });
    amountInput().focus();
    await submit();
    expect(saves).toHaveLength(0);
    const name = nameInput();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter a name.');
    expect(amountInput().getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getByText('1 field need attention.').getAttribute('role')).toBe('alert');
  });

  it('saves the typed draft through the undo history, toasts and closes', async () => {
    await openDialog();
    fireEvent.change(nameInput(), { target: { value: '  Laptops ' } });
    fireEvent.change(amountInput(), { target: { value: '1,200.50' } });
    await submit();
    expect(saves).toEqual([{ name: '  Laptops ', amount: '1,200.50' }]);
    expect(services.history.getSnapshot().undoLabel).toBe('Edit thing');
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual(['Saved “Laptops”']);
    expect(closed).toBe(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('maps repo problems to their fields; unknown fields go to the summary with their name', async () => {
    outcome = new ValidationError([
      { field: 'amount', reason: 'Amount must be a number.' },
      { field: 'fiscalYear', reason: 'Year is closed.' },
    ]);
    await openDialog();
    fireEvent.change(nameInput(), { target: { value: 'Laptops' } });
    await submit();
    expect(closed).toBe(0);
    expect(amountInput().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Amount must be a number.').className).toBe('field-error');
    expect(screen.getByText('fiscalYear: Year is closed.').closest('.notice-error')?.getAttribute('role')).toBe(
      'alert',
    );
    expect(screen.getByText('2 fields need attention.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(amountInput()));
  });

  it.each([
    { explain: true, shown: [NOTHING_SAVED] },
    { explain: false, shown: [] },
  ])('another failure (explain $explain) shows $shown in the form', async ({ explain, shown }) => {
    outcome = new Error('disk full');
    await openDialog({ explain });
    fireEvent.change(nameInput(), { target: { value: 'Laptops' } });
    await submit();
    expect(closed).toBe(0);
    expect(useUi.getState().toasts.map((t) => [t.text, t.tone])).toEqual([['disk full', 'error']]);
    const notice = document.querySelector('.notice-error');
    expect(notice ? [notice.textContent] : []).toEqual(shown);
    expect(screen.getByRole('button', { name: 'Save thing' }).hasAttribute('disabled')).toBe(false);
  });

  it('Escape and Cancel close without saving and focus returns to the opener', async () => {
    const { opener } = await openDialog();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(closed).toBe(1);
    await waitFor(() => expect(document.activeElement).toBe(opener));

    fireEvent.click(opener);
    await screen.findByRole('dialog', { name: 'Edit thing' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(closed).toBe(2);
    expect(saves).toHaveLength(0);
  });

  it.each([
    { keepUndo: undefined, reachesApp: 0 }, // the default: every record dialog keeps undo inside
    { keepUndo: true, reachesApp: 0 },
    { keepUndo: false, reachesApp: 1 },
  ])('Ctrl+Z outside a text field (keepUndo $keepUndo) reaches the app $reachesApp times', async (row) => {
    let seen = 0;
    const listener = (e: KeyboardEvent) => {
      if (e.key === 'z' && e.ctrlKey) seen += 1;
    };
    window.addEventListener('keydown', listener);
    try {
      await openDialog(row.keepUndo === undefined ? {} : { keepUndo: row.keepUndo });
      const cancel = screen.getByRole('button', { name: 'Cancel' });
      cancel.focus();
      fireEvent.keyDown(cancel, { key: 'z', ctrlKey: true });
      // Inside a text field the browser's own undo applies, so the key is never held back there.
      fireEvent.keyDown(nameInput(), { key: 'z', ctrlKey: true });
      expect(seen).toBe(row.reachesApp + 1);
    } finally {
      window.removeEventListener('keydown', listener);
    }
  });
});

describe('RowActions', () => {
  it('names the record in both buttons and disables them together', () => {
    const calls: string[] = [];
    const row = (disabled: boolean) => (
      <table>
        <tbody>
          <tr>
            <RowActions
              editLabel="Edit Ana"
              deleteLabel="Delete Ana"
              onEdit={() => calls.push('edit')}
              onDelete={() => calls.push('delete')}
              disabled={disabled}
            />
          </tr>
        </tbody>
      </table>
    );
    const { rerender } = render(row(false));
    fireEvent.click(screen.getByRole('button', { name: 'Edit Ana' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete Ana' }));
    expect(calls).toEqual(['edit', 'delete']);
    expect(screen.getByRole('button', { name: 'Edit Ana' }).textContent).toBe('Edit');
    rerender(row(true));
    fireEvent.click(screen.getByRole('button', { name: 'Delete Ana' }));
    expect(calls).toEqual(['edit', 'delete']);
    expect(screen.getByRole('button', { name: 'Edit Ana' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('useFormDialog with its own commit', () => {
  /** A dialog that writes through `commit`: each submit takes the next result from `results`. */
  function CommitDialog({ results, drafts }: { results: SaveResult[]; drafts: Draft[] }) {
    const [open, setOpen] = useState(true);
    const form = useFormDialog<Draft>({
      initial: () => ({ name: 'Ana', amount: '' }),
      validate,
      commit: async (d) => {
        drafts.push(d);
        return results.shift() ?? { ok: true };
      },
      onSaved: () => setOpen(false),
      explainOtherFailures: false,
    });
    return open ? (
      <FormDialog title="Edit thing" onClose={() => setOpen(false)} form={form} known={['name']} saveLabel="Save thing">
        <TextField label="Name" {...form.bind('name')} required />
      </FormDialog>
    ) : null;
  }

  it('shows the errors commit returns, keeps the dialog open, and closes once commit succeeds', async () => {
    const drafts: Draft[] = [];
    const results: SaveResult[] = [
      { ok: false, errors: { name: 'Taken.' } },
      { ok: false, errors: {} },
    ];
    render(
      <ServicesContext.Provider value={services}>
        <CommitDialog results={results} drafts={drafts} />
      </ServicesContext.Provider>,
    );
    await submit();
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Taken.')).toBeTruthy();
    await submit();
    // An empty error set clears the field error; the dialog stays open.
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByRole('dialog', { name: 'Edit thing' })).not.toBeNull();
    await submit();
    expect(drafts).toHaveLength(3);
    expect(screen.queryByRole('dialog')).toBeNull();
    // commit replaces saveEdit: nothing went through the undo history or the toasts.
    expect(services.history.getSnapshot().undoLabel).toBeNull();
    expect(useUi.getState().toasts).toEqual([]);
  });
});

describe('RowButton', () => {
  it.each([
    { danger: false, icon: false, cls: 'btn btn-ghost btn-sm' },
    { danger: true, icon: false, cls: 'btn btn-ghost btn-sm btn-danger-text' },
    { danger: false, icon: true, cls: 'btn btn-ghost btn-sm btn-icon' },
  ])('danger $danger, icon $icon → "$cls"', ({ danger, icon, cls }) => {
    let clicks = 0;
    render(
      <RowButton
        label="Move step 2 up"
        title="Move up"
        danger={danger}
        icon={icon}
        disabled={false}
        onClick={() => (clicks += 1)}
      >
        ↑
      </RowButton>,
    );
    const b = screen.getByRole('button', { name: 'Move step 2 up' });
    fireEvent.click(b);
    expect([b.className, b.title, b.textContent, clicks]).toEqual([cls, 'Move up', '↑', 1]);
  });
});

describe('GroupError', () => {
  it.each([
    { error: 'Pick at least one area.', alerts: ['Pick at least one area.'] },
    { error: undefined, alerts: [] },
  ])('$error → alerts $alerts', ({ error, alerts }) => {
    render(<GroupError error={error} />);
    expect(screen.queryAllByRole('alert').map((a) => [a.textContent, a.className])).toEqual(
      alerts.map((a) => [a, 'field-error']),
    );
  });
});
