import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/src/app/app';
import { openDatabase } from '../../../../renderer/src/db/database';
import { useUi } from '../../../../renderer/src/state/store';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { sha256Hex } from '../../../../shared/util/sha256';
import { makeFakeBridge, type FakeBridge } from '../../../helpers/fake-bridge';
import { testContext } from '../../../helpers/test-db';

let n = 0;
let bridge: FakeBridge;
let dbName: string;

beforeEach(() => {
  bridge = makeFakeBridge();
  dbName = `qd-qbr-${Date.now()}-${++n}`;
  localStorage.clear();
  useUi.setState({ workspaceId: null, route: 'dashboard', dialog: { kind: 'none' }, toasts: [] });
  location.hash = '';
});

afterEach(() => cleanup());

/** The sample opened, on the QBR screen, with the Q3 2026 draft chosen. */
async function openDraftQbr(): Promise<void> {
  render(<App dbName={dbName} bridge={bridge} ctx={testContext('qbr')} search="?firstRun=sample" />);
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 30_000 });
  await act(async () => {
    location.hash = '#/qbr';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await screen.findByRole('heading', { level: 1, name: 'QBR' });
  const reviews = await screen.findByRole('region', { name: 'Reviews' });
  fireEvent.click(await within(reviews).findByRole('button', { name: /Q3 2026 Quarterly Business Review/ }));
  await screen.findByRole('button', { name: 'Close the quarter…' });
}

const sectionOrder = () => [...document.querySelectorAll('.qbr-row-section label')].map((l) => l.textContent ?? '');
const checked = (name: string) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;

describe('QBR editor', () => {
  it('presets set the section toggles; Move up/down reorder; Save makes it one undoable edit', async () => {
    await openDraftQbr();
    const preset = screen.getByLabelText('Preset') as HTMLSelectElement;
    fireEvent.change(preset, { target: { value: 'executive' } });
    // Executive keeps its 8 one-page sections and turns the 7 Full-only ones off.
    expect(checked('Appendix')).toBe(false);
    expect(checked('Risks')).toBe(false);
    expect(checked('Decisions requested')).toBe(true);
    expect(checked('Budget')).toBe(true);
    expect(screen.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(8);
    fireEvent.change(preset, { target: { value: 'full' } });
    expect(screen.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(15);

    const before = sectionOrder();
    const i = before.indexOf('Budget');
    fireEvent.click(screen.getByRole('button', { name: 'Move Budget up' }));
    const after = sectionOrder();
    expect(after.indexOf('Budget')).toBe(i - 1);
    expect(after[i]).toBe(before[i - 1]);
    expect((screen.getByRole('button', { name: `Move ${before[0]} up` }) as HTMLButtonElement).disabled).toBe(true);

    // Agenda total follows the minutes.
    const agenda = screen.getByRole('region', { name: 'Agenda' });
    const total = () => within(agenda).getByText(/^Total /).textContent;
    const t0 = total();
    fireEvent.click(within(agenda).getByRole('button', { name: 'Add agenda item' }));
    expect(total()).not.toBe(t0);

    // Logos come from the host's file picker as bytes: a PNG becomes a data URL; a GIF is refused.
    bridge.openQueue.push(
      {
        canceled: false,
        name: 'org.png',
        size: 9,
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]),
      },
      { canceled: false, name: 'partner.gif', size: 6, bytes: new TextEncoder().encode('GIF89a') },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Choose organisation logo…' }));
    const logo = (await screen.findByRole('img', { name: 'Organisation logo' })) as HTMLImageElement;
    expect(logo.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgoA');
    fireEvent.click(screen.getByRole('button', { name: 'Choose partner logo…' }));
    expect(await screen.findByText('partner.gif is not a PNG or JPEG image.')).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Partner logo' })).toBeNull();

    const save = screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement).disabled).toBe(true),
    );
    expect(screen.getByRole('button', { name: /^Undo: Edit QBR/ })).toBeTruthy();
  }, 90_000);

  it('closing asks first, then freezes the snapshot and shows the QBR read-only with its hash', async () => {
    await openDraftQbr();
    fireEvent.click(screen.getByRole('button', { name: 'Close the quarter…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/freezes every number/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close the quarter' }));
    await screen.findByText(/The fields are read-only/, undefined, { timeout: 30_000 });

    const summary = screen.getByRole('textbox', { name: 'Executive summary' }) as HTMLTextAreaElement;
    expect(summary.closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close the quarter…' })).toBeNull();

    const shown = screen.getByLabelText('Snapshot SHA-256').textContent;
    const { db } = await openDatabase(dbName);
    const qbr = (await db.rows('qbrs').toArray()).find((q) => q.title.startsWith('Q3 2026'));
    expect(qbr?.status).toBe('closed');
    expect(qbr?.closedAt).toBe('2026-03-15T10:00:00.000Z');
    const snaps = await db
      .rows('qbrSnapshots')
      .where('qbrId')
      .equals(qbr?.id ?? '')
      .toArray();
    expect(snaps).toHaveLength(1);
    expect(shown).toBe(snaps[0]?.sha256);
    expect(shown).toBe(sha256Hex(canonicalJson(snaps[0]?.data)));
    db.close();
  }, 90_000);
});
