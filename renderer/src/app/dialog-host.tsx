/** Renders the one open dialog named in the UI store. */
import { TableWrap } from '../components/table-wrap';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../bridge/types';
import { AppDialog } from '../components/dialog';
import { RoadmapItemDialog } from '../features/roadmap/roadmap-item-dialog';
import {
  DeleteWorkspaceDialog,
  DuplicateWorkspaceDialog,
  NewWorkspaceDialog,
  RenameWorkspaceDialog,
} from '../features/workspaces/workspace-dialogs';
import { useUi } from '../state/store';
import { useServices } from './services';

function useWorkspaceById(id: string | null) {
  const { db } = useServices();
  return useLiveQuery(async () => (id ? ((await db.workspaces.get(id)) ?? null) : null), [db, id]);
}

function ImportProblemsDialog({
  fileName,
  problems,
  onClose,
}: {
  fileName: string;
  problems: { record: string; field: string; reason: string }[];
  onClose: () => void;
}) {
  return (
    <AppDialog
      title={`Nothing was imported from ${fileName}`}
      onClose={onClose}
      size="lg"
      role="alertdialog"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <p className="dialog-text">
        The file was checked before writing and{' '}
        {problems.length === 1 ? 'one problem was' : `${problems.length} problems were`} found, so your data is
        unchanged. Fix the file (or export it again from Quarterdeck) and import it again.
      </p>
      <TableWrap className="table-wrap-scroll" label={`Problems in ${fileName}`}>
        <table className="data-table">
          <caption className="visually-hidden">Problems in {fileName}</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Field</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.record}</td>
                <td className="mono">{p.field || '—'}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </AppDialog>
  );
}

function AboutDialog({ onClose }: { onClose: () => void }) {
  const { bridge } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void bridge.getAppInfo().then(setInfo, () => setInfo(null));
  }, [bridge]);
  return (
    <AppDialog
      title="About Quarterdeck"
      onClose={onClose}
      size="sm"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <AboutFacts info={info} />
    </AppDialog>
  );
}

/** Version facts (shared by the About dialog and Settings). */
export function AboutFacts({ info }: { info: AppInfo | null }) {
  return (
    <>
      <p className="dialog-text">
        Offline-first planning for IT directors who run co-managed IT. Your data stays on this computer unless you
        export it.
      </p>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>Runs in</dt>
        <dd>{info ? (info.platform === 'web' ? 'Web browser' : `Desktop (${info.platform})`) : '…'}</dd>
        {info?.electron ? (
          <>
            <dt>Electron</dt>
            <dd>{info.electron}</dd>
            <dt>Chromium</dt>
            <dd>{info.chrome}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

export function DialogHost() {
  const dialog = useUi((s) => s.dialog);
  const close = useUi((s) => s.closeDialog);
  const wsId =
    dialog.kind === 'workspace-rename' || dialog.kind === 'workspace-duplicate' || dialog.kind === 'workspace-delete'
      ? dialog.workspaceId
      : null;
  const ws = useWorkspaceById(wsId);

  switch (dialog.kind) {
    case 'none':
      return null;
    case 'workspace-new':
      return <NewWorkspaceDialog onClose={close} />;
    case 'workspace-rename':
      return ws ? <RenameWorkspaceDialog workspace={ws} onClose={close} /> : null;
    case 'workspace-duplicate':
      return ws ? <DuplicateWorkspaceDialog workspace={ws} onClose={close} /> : null;
    case 'workspace-delete':
      return ws ? <DeleteWorkspaceDialog workspace={ws} onClose={close} /> : null;
    case 'roadmap-item':
      return <RoadmapItemDialog itemId={dialog.itemId} onClose={close} />;
    case 'import-problems':
      return <ImportProblemsDialog fileName={dialog.fileName} problems={dialog.problems} onClose={close} />;
    case 'about':
      return <AboutDialog onClose={close} />;
  }
}
