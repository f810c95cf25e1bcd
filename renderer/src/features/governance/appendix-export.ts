/**
 * Exports of the co-managed contract terms: the contract appendix PDF (shared builder, pdfmake's
 * browser build loaded only when asked and denied every URL, SEC-16) and CSV files of the RACI
 * matrix, escalation ladder and SLA targets (shared export, formula cells neutralised, SEC-14).
 * Both are saved through the host bridge: the native save dialog, or a download in the browser.
 */
import { pdfBytes } from '../../pdf/pdfmake-loader';
import { governanceCsv, type GovernanceExport } from '../../../../shared/domain/governance/export';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { describeError } from '../../app/actions';
import type { AppServices } from '../../app/services';
import { loadWorkspaceData } from '../../db/repos/workspaces';
import { safeLocale } from '../../lib/format';
import { useUi } from '../../state/store';

/** The appendix of a workspace as PDF bytes. */
export async function buildAppendixPdf(data: WorkspaceData, generatedAt: string): Promise<Uint8Array> {
  const { buildContractAppendix } = await import('../../../../shared/deck/contract-appendix');
  const doc = buildContractAppendix(data, { generatedAt });
  return pdfBytes(doc);
}

/** Build the appendix of the workspace and save it; the toast says where it went or what failed. */
export async function exportAppendixPdf(s: AppServices, workspaceId: string): Promise<void> {
  const ui = useUi.getState();
  try {
    const data = await loadWorkspaceData(s.db, workspaceId);
    if (!data) throw new Error('The workspace no longer exists.');
    const now = s.ctx.now();
    const bytes = await buildAppendixPdf(data, now);
    const { contractAppendixFileName } = await import('../../../../shared/deck/contract-appendix');
    const res = await s.bridge.saveFile({
      suggestedName: contractAppendixFileName(data.workspace.name, now),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      data: bytes,
    });
    if (res.saved) {
      ui.toast(
        s.bridge.kind === 'browser'
          ? `Contract appendix downloaded: ${res.path}`
          : `Contract appendix saved to ${res.path}`,
        'success',
      );
    }
  } catch (err) {
    ui.toast(`The contract appendix was not created: ${describeError(err)}`, 'error');
  }
}

const CSV_NAMES: Record<GovernanceExport, string> = {
  raci: 'raci-matrix',
  escalation: 'escalation-ladder',
  'sla-targets': 'sla-targets',
};

/** `<org>-<table>.csv`, safe for file systems. */
export function governanceCsvFileName(workspaceName: string, which: GovernanceExport): string {
  const safe =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s.-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'Quarterdeck';
  return `${safe}-${CSV_NAMES[which]}.csv`;
}

/**
 * Save one governance table as CSV. Decimal-comma locales get `;` and a decimal comma so the file
 * opens in their spreadsheets; a BOM lets Excel detect UTF-8.
 */
export async function exportGovernanceCsv(s: AppServices, data: WorkspaceData, which: GovernanceExport): Promise<void> {
  const ui = useUi.getState();
  try {
    const decimalComma = new Intl.NumberFormat(safeLocale(data.workspace.locale)).format(1.5).includes(',');
    const text = governanceCsv(data, which, {
      bom: true,
      ...(decimalComma ? { delimiter: ';' as const, decimalSeparator: ',' as const } : {}),
    });
    const res = await s.bridge.saveFile({
      suggestedName: governanceCsvFileName(data.workspace.name, which),
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
      data: text,
    });
    if (res.saved) ui.toast(`${s.bridge.kind === 'browser' ? 'Downloaded' : 'Saved'} ${res.path}`, 'success');
  } catch (err) {
    ui.toast(`The CSV file was not saved: ${describeError(err)}`, 'error');
  }
}
