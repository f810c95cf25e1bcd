import { describe, expect, it } from 'vitest';
import { partyForGroup, partyMatcher } from '../../../../shared/domain/tickets/party-rules';

const rules = [
  { pattern: 'MSP', partyId: 'partner', order: 2 },
  { pattern: 'service desk', partyId: 'internal', order: 1 },
  { pattern: 'desk', partyId: 'never-reached', order: 1 }, // same order, later in the list
  { pattern: '  ', partyId: 'blank', order: 0 }, // a blank pattern never matches
];

describe('partyForGroup', () => {
  it.each([
    ['Service Desk L1', 'internal'], // case-insensitive substring
    ['MSP Service Desk', 'internal'], // order 1 is tried before order 2
    ['msp-noc', 'partner'],
    ['Help desk', 'never-reached'],
    ['Network', null],
    ['', null],
  ])('%j → %j', (group, party) => {
    expect(partyForGroup(rules, group)).toBe(party);
  });

  it('gives the same answers through the memoising matcher', () => {
    const m = partyMatcher(rules);
    for (const g of ['Service Desk L1', 'msp-noc', 'Network', 'msp-noc']) expect(m(g)).toBe(partyForGroup(rules, g));
  });
});
