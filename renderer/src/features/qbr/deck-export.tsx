/**
 * Deck export for one QBR: choose the preset, build the PDF (shared deck builder, charts drawn
 * here, pdfmake loaded on demand) and save it through the host — native dialog or download.
 */
import { useState } from 'react';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import { describeError } from '../../app/actions';
import { useServices } from '../../app/services';
import { loadWorkspaceData } from '../../db/repos/workspaces';
import { useUi } from '../../state/store';

export function DeckExport({ qbr }: { qbr: Qbr }) {
  const s = useServices();
  const [preset, setPreset] = useState<Qbr['preset']>(qbr.preset);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const ui = useUi.getState();
    setBusy(true);
    try {
      const data = await loadWorkspaceData(s.db, qbr.workspaceId);
      if (!data) throw new Error('The workspace no longer exists.');
      const { buildDeckPdf, deckFileName } = await import('../../pdf/deck-pdf');
      const bytes = await buildDeckPdf(data, qbr.id, preset, s.ctx.now());
      const res = await s.bridge.saveFile({
        suggestedName: deckFileName(data.workspace.name, qbr.quarter),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        data: bytes,
      });
      if (res.saved) {
        ui.toast(s.bridge.kind === 'browser' ? `Deck downloaded: ${res.path}` : `Deck saved to ${res.path}`, 'success');
      }
    } catch (err) {
      ui.toast(`The deck was not created: ${describeError(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="deck-export">
      <div className="field field-inline">
        <label htmlFor={`preset-${qbr.id}`}>Preset</label>
        <select id={`preset-${qbr.id}`} value={preset} onChange={(e) => setPreset(e.target.value as Qbr['preset'])}>
          <option value="executive">Executive (~6 pages)</option>
          <option value="full">Full (~15–20 pages)</option>
        </select>
      </div>
      <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? 'Building the deck…' : 'Export deck (PDF)'}
      </button>
    </div>
  );
}
