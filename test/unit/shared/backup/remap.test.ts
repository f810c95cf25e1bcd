import { describe, expect, it } from 'vitest';
import { validateWorkspaceData } from '../../../../shared/backup/format';
import { remapWorkspace } from '../../../../shared/backup/remap';
import { TABLE_NAMES } from '../../../../shared/domain/tables';
import { buildSampleWorkspace } from '../../../../shared/sample/build-sample';
import { makeFullWorkspace } from './make-workspace';

const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('remapWorkspace', () => {
  it('gives every record a fresh id and the new workspace id, and the copy validates', () => {
    const data = makeFullWorkspace();
    const copy = remapWorkspace(data, 'ws-copy', counter());
    expect(validateWorkspaceData(copy)).toEqual([]);
    expect(copy.workspace.id).toBe('ws-copy');
    for (const name of TABLE_NAMES) {
      expect(copy.tables[name]).toHaveLength(data.tables[name].length);
      const oldIds = new Set(data.tables[name].map((r) => r.id));
      for (const r of copy.tables[name]) {
        expect(oldIds.has(r.id), `${name} ${r.id}`).toBe(false);
        expect(r.workspaceId).toBe('ws-copy');
      }
    }
    // newId is called table by table, row by row: parties come first.
    expect(copy.tables.parties.map((p) => p.id)).toEqual(['new-1', 'new-2']);
  });

  it('keeps every reference pointing at the same logical record', () => {
    const copy = remapWorkspace(makeFullWorkspace(), 'ws-copy', counter());
    const t = copy.tables;
    const byName = (name: string) => t.parties.find((p) => p.name === name)!.id;
    const msp = byName('Harborline Managed Services');
    const cloud = t.roadmapItems.find((i) => i.title === 'Cloud migration')!;
    const dc = t.roadmapItems.find((i) => i.title.startsWith('Décommission'))!;
    expect(dc.dependsOn).toEqual([cloud.id]);
    expect(t.budgetLines[0]!.roadmapItemId).toBe(cloud.id);
    expect(t.partnerContracts[0]!.partyId).toBe(msp);
    expect(t.scenarios[0]!.contractId).toBe(t.partnerContracts[0]!.id);
    expect(t.scenarios[0]!.retainedPersonIds).toEqual([t.people[0]!.id]);
    expect(t.people[0]!.skills.map((s) => s.skillAreaId)).toEqual(t.skillAreas.map((a) => a.id));
    expect(t.decisions[0]!.linkedItemIds).toEqual([dc.id]);
    expect(t.qbrs[0]!.decisionIds).toEqual([t.decisions[0]!.id]);
    expect(t.qbrs[0]!.attendees.map((a) => a.partyId)).toEqual([byName('Internal IT — Zürich 🏭'), null]);
    expect(t.qbrSnapshots[0]!.qbrId).toBe(t.qbrs[0]!.id);
    expect(t.actionItems[0]!.createdInQbrId).toBe(t.qbrs[0]!.id);
    expect(t.tickets[0]!.importId).toBe(t.ticketImports[0]!.id);
    expect(t.kpiSnapshots[0]!.segment).toBe(`party:${msp}`);
  });

  it('leaves the original untouched and the frozen snapshot data identical', () => {
    const data = makeFullWorkspace();
    const before = structuredClone(data);
    const copy = remapWorkspace(data, 'ws-copy', counter(), { name: 'What-if: hybrid' });
    expect(data).toEqual(before);
    expect(copy.workspace.name).toBe('What-if: hybrid');
    expect(copy.tables.qbrSnapshots[0]!.data).toEqual(data.tables.qbrSnapshots[0]!.data);
    expect(copy.tables.qbrSnapshots[0]!.sha256).toBe(data.tables.qbrSnapshots[0]!.sha256);
  });

  it('a duplicate of the sample workspace validates and shares no id with it', () => {
    const sample = buildSampleWorkspace();
    const copy = remapWorkspace(sample, 'ws-what-if', counter(), { name: 'Northwind — what-if' });
    expect(validateWorkspaceData(copy)).toEqual([]);
    const oldIds = new Set(TABLE_NAMES.flatMap((n) => sample.tables[n].map((r) => r.id)));
    for (const n of TABLE_NAMES) for (const r of copy.tables[n]) expect(oldIds.has(r.id)).toBe(false);
    expect(copy.tables.kpiSnapshots.filter((s) => s.segment.startsWith('party:northwind-sample'))).toEqual([]);
    expect(copy.tables.roadmapItems).toHaveLength(26);
  });

  it('refuses an id generator that repeats itself', () => {
    expect(() => remapWorkspace(makeFullWorkspace(), 'ws-copy', () => 'same')).toThrow(
      'remapWorkspace: newId() returned "same" twice for parties',
    );
  });
});
