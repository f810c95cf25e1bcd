import { describe, expect, it } from 'vitest';
import { isTextEditing, shortcutFor } from '../../../../renderer/src/app/keyboard';
import { ROUTE_LIST, hrefFor, routeFromHash } from '../../../../renderer/src/app/routes';
import { resolveTheme } from '../../../../renderer/src/app/theme';

const key = (p: Partial<Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>>) => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...p,
});

describe('navigation', () => {
  it('has exactly the eight sections in order', () => {
    expect(ROUTE_LIST.map((r) => r.label)).toEqual([
      'Dashboard',
      'Roadmap',
      'Budget',
      'Staffing & Sourcing',
      'KPIs',
      'Governance',
      'QBR',
      'Settings',
    ]);
    expect(ROUTE_LIST.map((r) => r.shortcut)).toEqual([
      'Alt+1',
      'Alt+2',
      'Alt+3',
      'Alt+4',
      'Alt+5',
      'Alt+6',
      'Alt+7',
      'Alt+8',
    ]);
  });

  it.each([
    ['#/roadmap', 'roadmap'],
    ['#roadmap', 'roadmap'],
    ['#/kpis/extra', 'kpis'],
    ['#/nope', null],
    ['', null],
    ['#main', null],
  ])('routeFromHash(%s) = %s', (hash, route) => {
    expect(routeFromHash(hash)).toBe(route);
  });

  it('hrefFor round-trips', () => {
    for (const r of ROUTE_LIST) expect(routeFromHash(hrefFor(r.route))).toBe(r.route);
  });
});

describe('shortcuts', () => {
  it.each([
    [key({ code: 'Digit1', key: '1', altKey: true }), { kind: 'route', index: 0 }],
    [key({ code: 'Digit8', key: '8', altKey: true }), { kind: 'route', index: 7 }],
    [key({ code: 'Digit9', key: '9', altKey: true }), null],
    [key({ code: 'Digit2', key: '2' }), null],
    [key({ code: 'KeyZ', key: 'z', ctrlKey: true }), { kind: 'undo' }],
    [key({ code: 'KeyZ', key: 'z', metaKey: true }), { kind: 'undo' }],
    [key({ code: 'KeyZ', key: 'Z', ctrlKey: true, shiftKey: true }), { kind: 'redo' }],
    [key({ code: 'KeyY', key: 'y', ctrlKey: true }), { kind: 'redo' }],
    [key({ code: 'KeyZ', key: 'z' }), null],
  ])('%o → %o', (e, expected) => {
    expect(shortcutFor(e)).toEqual(expected);
  });

  it('leaves Ctrl+Z to text fields', () => {
    const input = document.createElement('input');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    const ro = document.createElement('textarea');
    ro.readOnly = true;
    expect(isTextEditing(input)).toBe(true);
    expect(isTextEditing(document.createElement('textarea'))).toBe(true);
    expect(isTextEditing(checkbox)).toBe(false);
    expect(isTextEditing(ro)).toBe(false);
    expect(isTextEditing(document.createElement('button'))).toBe(false);
    expect(isTextEditing(null)).toBe(false);
  });

  it('theme follows the system unless overridden', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
