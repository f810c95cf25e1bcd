// The shared governance record pieces (record dialog, form hook, row buttons, status select,
// duration field) as the panels use them, on a real (fake-indexeddb) database with undo.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicesContext, useServices, type AppServices } from '../../../../renderer/src/app/services';
import type { QuarterdeckDb } from '../../../../renderer/src/db/database';
import { createAction } from '../../../../renderer/src/db/repos/governance';
import { createWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { ActionPanel } from '../../../../renderer/src/features/governance/action-panel';
import { EscalationPanel } from '../../../../renderer/src/features/governance/escalation-panel';
import { useUi } from '../../../../renderer/src/state/store';
import { makeFakeBridge } from '../../../helpers/fake-bridge';
import { makeTestDb, testContext } from '../../../helpers/test-db';

function Actions({ workspaceId }: { workspaceId: string }) {
  const { db } = useServices();
  const actions = useLiveQuery(
    () => db.rows('actionItems').where('workspaceId').equals(workspaceId).toArray(),
    [db, workspaceId],
  );
  if (!actions) return null;
  return <ActionPanel workspaceId={workspaceId} locale="en-US" actions={actions} qbrs={[]} today="2026-11-27" />;
}

function Escalation({ workspaceId }: { workspaceId: string }) {
  const { db } = useServices();
  const data = useLiveQuery(async () => {
    const [steps, parties] = await Promise.all([
      db.rows('escalationSteps').where('workspaceId').equals(workspaceId).toArray(),
      db.rows('parties').where('workspaceId').equals(workspaceId).toArray(),
    ]);
    return { steps, parties };
  }, [db, workspaceId]);
  if (!data) return null;
  return <EscalationPanel workspaceId={workspaceId} steps={data.steps} parties={data.parties} exportButton={null} />;
}

let db: QuarterdeckDb;
let services: AppServices;
let wsId: string;

beforeEach(async () => {
  ({ db } = await makeTestDb());
  const ctx = testContext();
  const { workspace } = await createWorkspace(
    db,
    { name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1, partnerName: 'Acme MSP' },
    ctx,
  );
  wsId = workspace.id;
  services = { db, bridge: makeFakeBridge(), history: new UndoHistory(), ctx, readOnlyReason: null, persisted: null };
  useUi.setState({ toasts: [] });
});

afterEach(() => {
  cleanup();
  db.close();
});

const actionRows = () => db.rows('actionItems').where('workspaceId').equals(wsId).toArray();
const seedAction = () =>
  createAction(
    db,
    wsId,
    { text: 'Renew the backup contract', owner: 'Sam', dueDate: '2026-12-15', status: 'open' },
    services.ctx,
  );

function renderWith(ui: React.ReactNode, s: AppServices = services) {
  render(<ServicesContext.Provider value={s}>{ui}</ServicesContext.Provider>);
}

describe('record dialog and form (action items)', () => {
  it('shows the validator errors and saves nothing, then saves a valid draft once, closes and can be undone', async () => {
    renderWith(<Actions workspaceId={wsId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add action' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an action' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add action' }));
    const text = within(dialog).getByLabelText('Action');
    await waitFor(() => expect(text.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Say what is to be done.')).toBeTruthy();
    expect(await actionRows()).toHaveLength(0);

    fireEvent.change(text, { target: { value: 'Renew the backup contract' } });
    fireEvent.change(within(dialog).getByLabelText('Owner'), { target: { value: 'Sam' } });
    fireEvent.change(within(dialog).getByLabelText('Due'), { target: { value: '2026-12-15' } });
    fireEvent.change(within(dialog).getByLabelText('Status'), { target: { value: 'in-progress' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add action' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const rows = await actionRows();
    expect(rows.map((a) => [a.text, a.owner, a.dueDate, a.status])).toEqual([
      ['Renew the backup contract', 'Sam', '2026-12-15', 'in-progress'],
    ]);
    expect(useUi.getState().toasts.map((t) => t.tone)).toEqual(['success']);
    await act(() => services.history.undo(db));
    expect(await actionRows()).toHaveLength(0);
  });

  it('asks before deleting, "Keep" goes back to the filled form, and the delete is undoable', async () => {
    await seedAction();
    renderWith(<Actions workspaceId={wsId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit action: Renew the backup contract' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit action' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete…' }));
    expect(within(dialog).getByText(/Delete this action\? Dropping it keeps it in the QBR review/)).toBeTruthy();
    expect(within(dialog).queryByLabelText('Action')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the action' }));
    expect((within(dialog).getByLabelText('Action') as HTMLTextAreaElement).value).toBe('Renew the backup contract');
    expect(await actionRows()).toHaveLength(1);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete…' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete action' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await actionRows()).toHaveLength(0);
    await act(() => services.history.undo(db));
    expect((await actionRows()).map((a) => a.text)).toEqual(['Renew the backup contract']);
  });

  it('changes the status in place through the labelled select', async () => {
    await seedAction();
    renderWith(<Actions workspaceId={wsId} />);
    const select = await screen.findByLabelText('Status of Renew the backup contract');
    expect(Array.from((select as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      'Open',
      'In progress',
      'Done',
      'Dropped',
    ]);
    fireEvent.change(select, { target: { value: 'done' } });
    await waitFor(async () => expect((await actionRows())[0]?.status).toBe('done'));
  });

  it('read-only: add, row edit and status are disabled', async () => {
    await seedAction();
    renderWith(<Actions workspaceId={wsId} />, { ...services, readOnlyReason: 'This backup is open read-only.' });
    const edit = await screen.findByRole('button', { name: 'Edit action: Renew the backup contract' });
    expect((edit as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Add action' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Status of Renew the backup contract') as HTMLSelectElement).disabled).toBe(true);
  });
});

describe('duration field (escalation step)', () => {
  it('rejects a response target that is not a number, then saves 2 days as 2,880 minutes', async () => {
    // A new workspace starts with the default ladder, so P4 already has steps.
    const before = (await db.rows('escalationSteps').where('workspaceId').equals(wsId).toArray()).filter(
      (s) => s.severity === 'P4',
    );
    renderWith(<Escalation workspaceId={wsId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add step to P4' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a P4 escalation step' });
    fireEvent.change(within(dialog).getByLabelText('Contact role'), { target: { value: 'Service owner' } });
    fireEvent.change(within(dialog).getByLabelText('Respond within'), { target: { value: 'soon' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add step' }));
    expect(
      await within(dialog).findByText('Enter the response target as a number, e.g. 15 minutes or 1.5 hours.'),
    ).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Respond within'), { target: { value: '2' } });
    fireEvent.change(within(dialog).getByLabelText('Unit'), { target: { value: 'd' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add step' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = (await db.rows('escalationSteps').where('workspaceId').equals(wsId).toArray()).filter(
      (s) => s.severity === 'P4',
    );
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((s) => s.contactRole === 'Service owner');
    expect(added?.responseMinutes).toBe(2880);
    expect(added?.step).toBe(before.length + 1);
  });
});
