/**
 * The one open dialog of the staffing screen (page-local state: these dialogs belong to this
 * screen only). Each edits a record of the loaded workspace; `id: null` adds a new one.
 */
import { useEffect, useRef } from 'react';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { ContractDialog } from './contract-dialog';
import { CostProfileDialog } from './cost-profile-dialog';
import { PersonDialog } from './person-dialog';
import { ScenarioDialog } from './scenario-dialog';
import { SkillAreaDialog } from './skill-area-dialog';

export type StaffingDialog =
  | { kind: 'none' }
  | { kind: 'person'; id: string | null }
  | { kind: 'area'; id: string | null }
  | { kind: 'profile'; id: string | null }
  | { kind: 'contract'; id: string | null }
  | { kind: 'scenario'; id: string | null };

export type OpenDialog = (d: StaffingDialog) => void;

/** Renders the open dialog; a record that vanished meanwhile (undo elsewhere) closes it. */
export function StaffingDialogs({
  data,
  dialog,
  onClose,
}: {
  data: WorkspaceData;
  dialog: StaffingDialog;
  onClose: () => void;
}) {
  const ws = data.workspace;
  const t = data.tables;
  // A record seen and then gone (undone, deleted elsewhere) closes its dialog; one not seen yet
  // (a copy just made, before the live query returns it) waits for it.
  const seen = useRef<string | null>(null);
  const id = dialog.kind === 'none' ? null : dialog.id;
  const table =
    dialog.kind === 'person'
      ? t.people
      : dialog.kind === 'area'
        ? t.skillAreas
        : dialog.kind === 'profile'
          ? t.costProfiles
          : dialog.kind === 'contract'
            ? t.partnerContracts
            : dialog.kind === 'scenario'
              ? t.scenarios
              : [];
  const present = id !== null && (table as readonly { id: string }[]).some((r) => r.id === id);
  useEffect(() => {
    if (id === null) seen.current = null;
    else if (present) seen.current = id;
    else if (seen.current === id) {
      seen.current = null;
      onClose();
    }
  }, [id, present, onClose]);
  const areas = [...t.skillAreas].sort((a, b) => a.order - b.order);
  const profiles = [...t.costProfiles].sort((a, b) => a.role.localeCompare(b.role, 'en'));
  switch (dialog.kind) {
    case 'none':
      return null;
    case 'person': {
      const person = dialog.id ? t.people.find((p) => p.id === dialog.id) : null;
      if (person === undefined) return null;
      return <PersonDialog key={dialog.id ?? 'new'} ws={ws} person={person} profiles={profiles} onClose={onClose} />;
    }
    case 'area': {
      const area = dialog.id ? t.skillAreas.find((a) => a.id === dialog.id) : null;
      if (area === undefined) return null;
      return <SkillAreaDialog key={dialog.id ?? 'new'} ws={ws} area={area} profiles={profiles} onClose={onClose} />;
    }
    case 'profile': {
      const profile = dialog.id ? t.costProfiles.find((p) => p.id === dialog.id) : null;
      if (profile === undefined) return null;
      return <CostProfileDialog key={dialog.id ?? 'new'} ws={ws} profile={profile} onClose={onClose} />;
    }
    case 'contract': {
      const contract = dialog.id ? t.partnerContracts.find((c) => c.id === dialog.id) : null;
      if (contract === undefined) return null;
      return (
        <ContractDialog
          key={dialog.id ?? 'new'}
          ws={ws}
          contract={contract}
          parties={t.parties}
          areas={areas}
          onClose={onClose}
        />
      );
    }
    case 'scenario': {
      const scenario = dialog.id ? t.scenarios.find((x) => x.id === dialog.id) : null;
      if (scenario === undefined) return null;
      return <ScenarioDialog key={dialog.id ?? 'new'} data={data} scenario={scenario} onClose={onClose} />;
    }
  }
}
