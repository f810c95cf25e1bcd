import { describe, expect, it } from 'vitest';
import { buildDefaultRaci } from '../../../../shared/domain/governance/defaults';
import {
  formatRaciLetters,
  parseRaciLetters,
  raciDiff,
  raciSnapshot,
  toggleLetter,
  validateRaci,
  type RaciCell,
} from '../../../../shared/domain/governance/raci';
import type { RaciActivity, RaciAssignment, RaciLetter } from '../../../../shared/domain/governance/schema';
import type { Party } from '../../../../shared/domain/workspace/schema';

const ws = 'ws1';
// Deliberately listed partner-first to prove the matrix orders internal → partner → vendor.
const parties: Party[] = [
  { id: 'p-msp', workspaceId: ws, name: 'Harborline', kind: 'partner', shortName: 'MSP' },
  { id: 'p-vend', workspaceId: ws, name: 'Acme Backup', kind: 'vendor', shortName: 'ACME' },
  { id: 'p-it', workspaceId: ws, name: 'Internal IT', kind: 'internal', shortName: 'IT' },
];

function lane(cells: Partial<Record<'p-it' | 'p-msp' | 'p-vend', RaciLetter[]>>, splitNote = '') {
  const activity: RaciActivity = { id: 'a1', workspaceId: ws, name: 'Patching', order: 0, splitNote };
  const assignments: RaciAssignment[] = Object.entries(cells).map(([partyId, roles]) => ({
    id: `x-${partyId}`,
    workspaceId: ws,
    activityId: 'a1',
    partyId,
    roles,
  }));
  return validateRaci([activity], assignments, parties);
}

describe('validateRaci rules', () => {
  const cases: {
    name: string;
    cells: Partial<Record<'p-it' | 'p-msp' | 'p-vend', RaciLetter[]>>;
    split?: string;
    kinds: string[];
    message?: string;
    suggested?: string | null;
  }[] = [
    { name: 'one A and one R is clean', cells: { 'p-it': ['A'], 'p-msp': ['R'] }, kinds: [] },
    { name: 'one party A and R is clean', cells: { 'p-it': ['R', 'A'], 'p-msp': ['I'] }, kinds: [] },
    {
      name: 'zero A',
      cells: { 'p-it': ['C'], 'p-msp': ['R'] },
      kinds: ['raci-accountable'],
      message: 'Nobody is accountable for Patching: mark exactly one party A (suggested: Harborline).',
      suggested: 'p-msp',
    },
    {
      name: 'two A, the partner also R',
      cells: { 'p-it': ['A'], 'p-msp': ['R', 'A'] },
      kinds: ['raci-accountable'],
      message:
        'Choose one accountable party for Patching: Internal IT and Harborline are both A; Harborline should own it and the others become C or I.',
      suggested: 'p-msp',
    },
    {
      name: 'two A, neither R → Internal IT',
      cells: { 'p-it': ['A'], 'p-msp': ['A'], 'p-vend': ['R'] },
      kinds: ['raci-accountable'],
      message:
        'Choose one accountable party for Patching: Internal IT and Harborline are both A; Internal IT should own it and the others become C or I.',
      suggested: 'p-it',
    },
    {
      name: 'no R',
      cells: { 'p-it': ['A'], 'p-msp': ['C'] },
      kinds: ['raci-gap'],
      message: 'Nobody is responsible for Patching: mark at least one party R.',
    },
    {
      name: 'two R without split',
      cells: { 'p-it': ['R', 'A'], 'p-msp': ['R'] },
      kinds: ['raci-collision'],
      message:
        'Internal IT and Harborline are both responsible for Patching with no written split: write down who does what, or keep one party R.',
    },
    { name: 'two R with a split', cells: { 'p-it': ['R', 'A'], 'p-msp': ['R'] }, split: 'IT: endpoints', kinds: [] },
    {
      name: 'two R with a blank split',
      cells: { 'p-it': ['R', 'A'], 'p-msp': ['R'] },
      split: '   ',
      kinds: ['raci-collision'],
    },
    {
      name: 'three parties: all R, all A',
      cells: { 'p-it': ['R', 'A'], 'p-msp': ['R', 'A'], 'p-vend': ['R', 'A'] },
      kinds: ['raci-collision', 'raci-accountable'],
      message:
        'Choose one accountable party for Patching: Internal IT, Harborline and Acme Backup are all A; Internal IT should own it and the others become C or I.',
      suggested: 'p-it',
    },
    {
      name: 'empty lane: gap and no A, Internal IT suggested',
      cells: {},
      kinds: ['raci-gap', 'raci-accountable'],
      suggested: 'p-it',
    },
  ];
  it.each(cases)('$name', ({ cells, split, kinds, message, suggested }) => {
    const v = lane(cells, split);
    expect(v.issues.map((i) => i.kind)).toEqual(kinds);
    const last = v.issues[v.issues.length - 1];
    if (message !== undefined) expect(last?.message).toBe(message);
    if (suggested !== undefined) expect(last?.suggestedPartyId).toBe(suggested);
    expect(v.summary.lanesOk).toBe(kinds.length === 0 ? 1 : 0);
  });

  it('merges duplicate records for one cell, ignores unknown parties and lanes, and summarises', () => {
    const acts: RaciActivity[] = [
      { id: 'b', workspaceId: ws, name: 'Network', order: 1, splitNote: '' },
      { id: 'a', workspaceId: ws, name: 'Cloud', order: 0, splitNote: '' },
    ];
    const asg: RaciAssignment[] = [
      { id: '1', workspaceId: ws, activityId: 'a', partyId: 'p-it', roles: ['A'] },
      { id: '2', workspaceId: ws, activityId: 'a', partyId: 'p-it', roles: ['R'] },
      { id: '3', workspaceId: ws, activityId: 'b', partyId: 'gone', roles: ['R', 'A'] },
      { id: '4', workspaceId: ws, activityId: 'zzz', partyId: 'p-it', roles: ['R'] },
    ];
    const v = validateRaci(acts, asg, parties);
    expect(v.lanes.map((l) => [l.lane, l.accountable, l.responsible])).toEqual([
      ['Cloud', ['p-it'], ['p-it']],
      ['Network', [], []],
    ]);
    expect(v.summary).toEqual({ lanes: 2, lanesOk: 1, 'raci-collision': 0, 'raci-gap': 1, 'raci-accountable': 1 });
  });

  it('the default matrix is clean', () => {
    const { activities, assignments } = buildDefaultRaci({
      workspaceId: ws,
      internalPartyId: 'p-it',
      partnerPartyId: 'p-msp',
    });
    const v = validateRaci(activities, assignments, parties);
    expect(v.issues).toEqual([]);
    expect(v.summary.lanesOk).toBe(16);
  });
});

describe('letters', () => {
  it.each([
    [[], 'A', ['A']],
    [['A'], 'R', ['R', 'A']],
    [['R', 'A'], 'A', ['R']],
    [['I', 'C'], 'I', ['C']],
    [['C'], 'R', ['R', 'C']],
  ] as [RaciLetter[], RaciLetter, RaciLetter[]][])('toggle %j + %s → %j', (roles, letter, expected) => {
    expect(toggleLetter(roles, letter)).toEqual(expected);
  });

  it.each([
    ['ar', ['R', 'A']],
    ['A/R', ['R', 'A']],
    ['i, c', ['C', 'I']],
    ['rr', ['R']],
    ['', []],
    ['x', null],
    ['a1', null],
  ] as [string, RaciLetter[] | null][])('parse %j → %j', (text, expected) => {
    expect(parseRaciLetters(text)).toEqual(expected);
  });

  it('formats in canonical order', () => {
    expect(formatRaciLetters(['I', 'A', 'R'])).toBe('R/A/I');
  });
});

describe('raciSnapshot and raciDiff', () => {
  it('snapshots named cells in display order, leaving out empty cells', () => {
    const acts: RaciActivity[] = [{ id: 'a', workspaceId: ws, name: 'Cloud', order: 0, splitNote: '' }];
    const asg: RaciAssignment[] = [
      { id: '1', workspaceId: ws, activityId: 'a', partyId: 'p-msp', roles: ['C'] },
      { id: '2', workspaceId: ws, activityId: 'a', partyId: 'p-it', roles: ['A', 'R'] },
      { id: '3', workspaceId: ws, activityId: 'a', partyId: 'p-vend', roles: [] },
    ];
    const v = raciSnapshot(acts, asg, parties, { id: 'v1', workspaceId: ws, quarter: '2026-Q3', savedAt: 'x' });
    expect(v.cells).toEqual([
      { activity: 'Cloud', party: 'Internal IT', roles: ['R', 'A'] },
      { activity: 'Cloud', party: 'Harborline', roles: ['C'] },
    ]);
  });

  it('reports added, removed and changed cells', () => {
    const prev: RaciCell[] = [
      { activity: 'Patching', party: 'Internal IT', roles: ['A'] },
      { activity: 'Patching', party: 'Harborline', roles: ['R'] },
      { activity: 'Cloud', party: 'Harborline', roles: ['C'] },
      { activity: 'Network', party: 'Internal IT', roles: ['R', 'A'] },
    ];
    const next: RaciCell[] = [
      { activity: 'Patching', party: 'Internal IT', roles: ['R', 'A'] },
      { activity: 'Patching', party: 'Harborline', roles: ['R'] },
      { activity: 'Network', party: 'Internal IT', roles: ['A', 'R'] },
      { activity: 'Identity', party: 'Internal IT', roles: ['R', 'A'] },
      { activity: 'Cloud', party: 'Harborline', roles: [] },
    ];
    expect(raciDiff(prev, next)).toEqual({
      added: [{ activity: 'Identity', party: 'Internal IT', roles: ['R', 'A'] }],
      removed: [{ activity: 'Cloud', party: 'Harborline', roles: ['C'] }],
      changed: [{ activity: 'Patching', party: 'Internal IT', before: ['A'], after: ['R', 'A'] }],
    });
    expect(raciDiff(next, next)).toEqual({ added: [], removed: [], changed: [] });
  });
});
