/**
 * The workspace switcher in the top bar: a menu button listing workspaces (switch) and the
 * workspace actions (new, rename, duplicate, delete, import, export). react-aria gives it full
 * keyboard support (arrows, type-ahead, Escape) and correct roles.
 */
import type { Key } from 'react-aria-components';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useUi } from '../state/store';
import { exportBackup, importBackup, openSample } from './actions';
import { useCurrentWorkspace, useWorkspaceList } from './data-hooks';
import { useServices } from './services';

export function WorkspaceSwitcher() {
  const s = useServices();
  const list = useWorkspaceList() ?? [];
  const current = useCurrentWorkspace();
  const onAction = (key: Key) => {
    const ui = useUi.getState();
    const k = String(key);
    if (k.startsWith('ws:')) {
      ui.setWorkspace(k.slice(3));
      return;
    }
    const id = current?.id;
    switch (k) {
      case 'new':
        ui.openDialog({ kind: 'workspace-new' });
        break;
      case 'sample':
        void openSample(s);
        break;
      case 'rename':
        if (id) ui.openDialog({ kind: 'workspace-rename', workspaceId: id });
        break;
      case 'duplicate':
        if (id) ui.openDialog({ kind: 'workspace-duplicate', workspaceId: id });
        break;
      case 'delete':
        if (id) ui.openDialog({ kind: 'workspace-delete', workspaceId: id });
        break;
      case 'import':
        void importBackup(s);
        break;
      case 'export':
        if (id) void exportBackup(s, id);
        break;
    }
  };

  const ro = !!s.readOnlyReason;
  const disabled = ro ? ['new', 'sample', 'rename', 'duplicate', 'delete', 'import'] : [];

  return (
    <MenuTrigger>
      <Button className="ws-button" aria-label={`Workspace: ${current?.name ?? 'none'}. Switch or manage workspaces`}>
        <span className="ws-label">Workspace</span>
        <span className="ws-name">{current?.name ?? 'Choose a workspace'}</span>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </Button>
      <Popover className="popover" placement="bottom start" offset={6}>
        <Menu className="menu" onAction={onAction} disabledKeys={disabled} aria-label="Workspaces">
          <MenuSection className="menu-section">
            <Header className="menu-header">Switch workspace</Header>
            {list.map((w) => (
              <MenuItem key={w.id} id={`ws:${w.id}`} className="menu-item" textValue={w.name}>
                <span className="menu-check" aria-hidden="true">
                  {w.id === current?.id ? '✓' : ''}
                </span>
                <span>{w.name}</span>
                {w.id === current?.id ? <span className="visually-hidden"> (current)</span> : null}
              </MenuItem>
            ))}
          </MenuSection>
          <Separator className="menu-separator" />
          <MenuSection className="menu-section">
            <Header className="menu-header">Manage</Header>
            <MenuItem id="new" className="menu-item">
              New workspace…
            </MenuItem>
            <MenuItem id="rename" className="menu-item">
              Rename…
            </MenuItem>
            <MenuItem id="duplicate" className="menu-item">
              Duplicate…
            </MenuItem>
            <MenuItem id="delete" className="menu-item menu-item-danger">
              Delete…
            </MenuItem>
          </MenuSection>
          <Separator className="menu-separator" />
          <MenuSection className="menu-section">
            <MenuItem id="sample" className="menu-item">
              Open the sample workspace
            </MenuItem>
            <MenuItem id="import" className="menu-item">
              Import backup…
            </MenuItem>
            <MenuItem id="export" className="menu-item">
              Export backup
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
