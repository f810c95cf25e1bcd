import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateSettings } from '../../../../renderer/src/features/settings/settings-page';
import {
  validateWorkspaceValues,
  defaultWorkspaceValues,
} from '../../../../renderer/src/features/workspaces/workspace-form';
import { handleMenuCommand } from '../../../../renderer/src/app/keyboard';
import type { AppServices } from '../../../../renderer/src/app/services';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { useUi } from '../../../../renderer/src/state/store';
import { makeFakeBridge } from '../../../helpers/fake-bridge';
import { testContext } from '../../../helpers/test-db';

const good = {
  name: 'Contoso',
  currency: 'USD',
  locale: 'en-US',
  fiscalYearStartMonth: '7',
  partnerName: 'Fabrikam',
  userCount: '1900',
  endpointCount: '2400',
  serverCount: '180',
};

describe('settings validation', () => {
  it('accepts valid values', () => {
    expect(validateSettings(good)).toEqual({});
  });

  it.each<[Partial<typeof good>, keyof typeof good, RegExp]>([
    [{ name: '  ' }, 'name', /organisation name/],
    [{ currency: 'dollars' }, 'currency', /ISO 4217/],
    [{ locale: 'not a locale!' }, 'locale', /language tag/],
    [{ fiscalYearStartMonth: '13' }, 'fiscalYearStartMonth', /month/],
    [{ userCount: '-1' }, 'userCount', /whole number/],
    [{ endpointCount: '2.5' }, 'endpointCount', /whole number/],
    [{ serverCount: '20000000' }, 'serverCount', /10 million/],
  ])('%o → error on %s', (patch, field, reason) => {
    expect(validateSettings({ ...good, ...patch })[field]).toMatch(reason);
  });

  it('defaults a new workspace from the browser language', () => {
    expect(defaultWorkspaceValues('de-DE')).toMatchObject({
      currency: 'EUR',
      locale: 'de-DE',
      fiscalYearStartMonth: '1',
    });
    expect(defaultWorkspaceValues('en-GB')).toMatchObject({ currency: 'GBP', locale: 'en-GB' });
    expect(defaultWorkspaceValues('en-US')).toMatchObject({ currency: 'USD' });
    expect(validateWorkspaceValues({ ...defaultWorkspaceValues('en-US'), name: 'X' })).toEqual({});
  });
});

describe('menu commands', () => {
  afterEach(() => {
    useUi.setState({ dialog: { kind: 'none' } });
    document.body.innerHTML = '';
  });

  const services = (): AppServices => ({
    db: {} as AppServices['db'],
    bridge: makeFakeBridge(),
    history: new UndoHistory(),
    ctx: testContext(),
    readOnlyReason: null,
    persisted: null,
  });

  it('opens dialogs and navigates', () => {
    const s = services();
    handleMenuCommand(s, 'new-workspace');
    expect(useUi.getState().dialog).toEqual({ kind: 'workspace-new' });
    handleMenuCommand(s, 'about');
    expect(useUi.getState().dialog).toEqual({ kind: 'about' });
    handleMenuCommand(s, 'export-deck');
    expect(location.hash).toBe('#/qbr');
  });

  it('undo from the Edit menu goes to the focused text field, not the edit history', () => {
    const s = services();
    const undo = vi.spyOn(s.history, 'undo');
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const exec = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    handleMenuCommand(s, 'undo');
    handleMenuCommand(s, 'redo');
    expect(exec.mock.calls).toEqual([['undo'], ['redo']]);
    expect(undo).not.toHaveBeenCalled();
  });
});
