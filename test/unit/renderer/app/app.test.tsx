import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/src/app/app';
import { useUi } from '../../../../renderer/src/state/store';
import { makeFakeBridge, type FakeBridge } from '../../../helpers/fake-bridge';
import { testContext } from '../../../helpers/test-db';

let n = 0;
let bridge: FakeBridge;
let dbName: string;

beforeEach(() => {
  bridge = makeFakeBridge();
  dbName = `qd-app-${Date.now()}-${++n}`;
  localStorage.clear();
  useUi.setState({ workspaceId: null, route: 'dashboard', dialog: { kind: 'none' }, toasts: [] });
  location.hash = '';
});

afterEach(() => cleanup());

const ctx = testContext('app');

async function startEmpty(name: string): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: /Start empty/ }));
  fireEvent.change(screen.getByLabelText('Organisation name'), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
  await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
}

describe('first run', () => {
  it('offers exactly two choices: "Open the sample workspace" and "Start empty"', async () => {
    render(<App dbName={dbName} bridge={bridge} ctx={ctx} search="" />);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Quarterdeck' });
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]?.querySelector('.choice-title')?.textContent).toBe('Open the sample workspace');
    expect(buttons[1]?.querySelector('.choice-title')?.textContent).toBe('Start empty');
  });

  it('"Start empty" asks for the organisation, validates it and opens the shell', async () => {
    render(<App dbName={dbName} bridge={bridge} ctx={ctx} search="" />);
    fireEvent.click(await screen.findByRole('button', { name: /Start empty/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    expect(await screen.findByText('Enter the organisation name.')).toBeTruthy();
    expect(screen.getByLabelText('Organisation name').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Organisation name'), { target: { value: 'Contoso' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Dashboard', 'Roadmap', 'Budget', 'Staffing & Sourcing', 'KPIs', 'Governance', 'QBR', 'Settings']);
    expect(within(nav).getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeTruthy();
  });

  it('?firstRun=sample opens the sample directly when there is no workspace', async () => {
    render(<App dbName={dbName} bridge={bridge} ctx={ctx} search="?firstRun=sample" />);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: /Start empty/ })).toBeNull();
    // The undo history names what happened: the sample was opened (and can be undone).
    expect(screen.getByRole('button', { name: /^Undo: Open the sample workspace/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Workspace: / }).textContent).not.toContain('Choose a workspace');
  });
});

describe('shell', () => {
  it('navigates by hash and moves focus to the page heading', async () => {
    render(<App dbName={dbName} bridge={bridge} ctx={ctx} search="" />);
    await startEmpty('Contoso');
    await act(async () => {
      location.hash = '#/roadmap';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Roadmap' });
    await waitFor(() => expect(document.activeElement).toBe(h1));
    expect(await screen.findByText('No roadmap items yet')).toBeTruthy();
  });

  it('wires menu commands from the bridge: new workspace and about', async () => {
    render(<App dbName={dbName} bridge={bridge} ctx={ctx} search="" />);
    await startEmpty('Contoso');
    expect(bridge.listenerCount()).toBe(1);
    act(() => bridge.fireMenu('about'));
    const about = await screen.findByRole('dialog', { name: 'About Quarterdeck' });
    expect(within(about).getByText('0.0.0-test')).toBeTruthy();
    fireEvent.click(within(about).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    act(() => bridge.fireMenu('new-workspace'));
    expect(await screen.findByRole('dialog', { name: 'New workspace' })).toBeTruthy();
  });

  it('export backup through the bridge names the file after the workspace and date', async () => {
    render(<App dbName={dbName} bridge={bridge} ctx={ctx} search="" />);
    await startEmpty('Contoso');
    await act(async () => {
      bridge.fireMenu('export-backup');
    });
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    expect(bridge.saved[0]?.suggestedName).toBe('Contoso-2026-03-15.quarterdeck.json');
    expect(String(bridge.saved[0]?.data)).toContain('"formatVersion": 1');
  });

  it('renders user text with HTML as text (SEC-15)', async () => {
    render(<App dbName={dbName} bridge={bridge} ctx={ctx} search="" />);
    await startEmpty('<img src=x onerror="window.__pwned=1">Evil');
    expect(screen.getByRole('button', { name: /^Workspace:/ }).textContent).toContain('<img src=x');
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
