/**
 * Deck preview and export for one QBR: builds the PDF with progress (charts drawn one at a time,
 * layout in a worker), shows a page-by-page preview, and saves through the host — native dialog
 * or a download — as `<org>-QBR-<quarter>.pdf`. A draft's deck uses the editor's unsaved draft;
 * a closed quarter's deck comes from its frozen snapshot.
 */
import { useRef, useState } from 'react';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import { SECTION_TITLES } from '../../../../shared/deck/sections';
import { describeError } from '../../app/actions';
import { useServices } from '../../app/services';
import { Panel } from '../../components/panel';
import type { QbrEdit } from '../../db/repos/qbr';
import { loadWorkspaceData } from '../../db/repos/workspaces';
import type { DeckProgress, DeckResult } from '../../pdf/deck-pdf';
import { useUi } from '../../state/store';

function progressText(p: DeckProgress | null): string {
  if (!p) return '';
  if (p.step === 'model') return 'Collecting the numbers…';
  if (p.step === 'chart') return `Drawing chart ${p.n} of ${p.of}: ${p.title}`;
  return p.off === 'worker' ? 'Laying out the pages (in the background)…' : 'Laying out the pages…';
}

function progressValue(p: DeckProgress | null): number {
  if (!p) return 0;
  if (p.step === 'model') return 0.05;
  if (p.step === 'chart') return 0.05 + 0.6 * (p.n / Math.max(1, p.of));
  return 0.8;
}

export function DeckPanel({ qbr, draft, workspaceName }: { qbr: Qbr; draft: QbrEdit; workspaceName: string }) {
  const s = useServices();
  const [busy, setBusy] = useState<'preview' | 'export' | null>(null);
  const [progress, setProgress] = useState<DeckProgress | null>(null);
  const [result, setResult] = useState<DeckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const closed = qbr.status === 'closed';
  const preset = closed ? qbr.preset : draft.preset;

  const generate = async (mode: 'preview' | 'export') => {
    if (running.current) return;
    running.current = true;
    const ui = useUi.getState();
    setBusy(mode);
    setError(null);
    setProgress({ step: 'model' });
    try {
      const data = await loadWorkspaceData(s.db, qbr.workspaceId);
      if (!data) throw new Error('The workspace no longer exists.');
      // A draft deck shows the editor's current (possibly unsaved) fields.
      const withDraft = closed
        ? data
        : {
            ...data,
            tables: { ...data.tables, qbrs: data.tables.qbrs.map((q) => (q.id === qbr.id ? { ...q, ...draft } : q)) },
          };
      const { generateDeck, deckFileName } = await import('../../pdf/deck-pdf');
      const res = await generateDeck(withDraft, qbr.id, preset, s.ctx.now(), setProgress);
      setResult(res);
      if (mode === 'export') {
        const saved = await s.bridge.saveFile({
          suggestedName: deckFileName(data.workspace.name, qbr.quarter),
          filters: [{ name: 'PDF document', extensions: ['pdf'] }],
          data: res.bytes,
        });
        if (saved.saved) {
          ui.toast(
            s.bridge.kind === 'browser' ? `Deck downloaded: ${saved.path}` : `Deck saved to ${saved.path}`,
            'success',
          );
        }
      }
    } catch (err) {
      const text = `The deck was not created: ${describeError(err)}`;
      setError(text);
      ui.toast(text, 'error');
    } finally {
      running.current = false;
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <Panel
      id="qbr-deck"
      title="Deck"
      meta={
        result
          ? `${result.pageCount} pages · ${preset === 'executive' ? 'Executive' : 'Full'}`
          : preset === 'executive'
            ? 'Executive preset'
            : 'Full preset'
      }
      actions={
        <>
          <button
            type="button"
            className="btn"
            onClick={() => void generate('preview')}
            disabled={busy !== null}
            aria-busy={busy === 'preview'}
          >
            {busy === 'preview' ? 'Building preview…' : 'Preview pages'}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void generate('export')}
            disabled={busy !== null}
            aria-busy={busy === 'export'}
          >
            {busy === 'export' ? 'Building the deck…' : 'Export deck (PDF)'}
          </button>
        </>
      }
    >
      <div className="qbr-progress" role="status" aria-live="polite">
        {busy ? (
          <>
            <progress max={1} value={progressValue(progress)} aria-label="Deck generation progress" />
            <span>{progressText(progress)}</span>
          </>
        ) : null}
      </div>
      {error ? <p className="notice notice-error">{error}</p> : null}
      {closed ? (
        <p className="muted">This deck is rendered from the frozen snapshot, so every export has the same content.</p>
      ) : (
        <p className="muted">The deck uses the fields above as they are now, saved or not.</p>
      )}
      {result ? (
        <ol className="deck-thumbs" aria-label="Page preview">
          {result.pages.map((pg) => (
            <li key={pg.index} className="deck-thumb">
              <div className="deck-thumb-page" style={{ borderTopColor: result.model.qbr.theme.accentColor }}>
                <span className="deck-thumb-title">
                  {pg.title || SECTION_TITLES.cover}
                  {pg.continued ? <span className="muted"> (continued)</span> : null}
                </span>
                <span className="deck-thumb-imgs">
                  {pg.images
                    .filter((im) => !im.id.endsWith('Logo'))
                    .slice(0, 2)
                    .map((im) => (
                      <img key={im.id} src={im.dataUrl} alt="" />
                    ))}
                </span>
                <span className="deck-thumb-lines">
                  {pg.lines.slice(0, pg.images.length ? 2 : 5).map((l, i) => (
                    <span key={i}>{l}</span>
                  ))}
                </span>
              </div>
              <span className="deck-thumb-n">Content page {pg.index + 1}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">
          Choose “Preview pages” to see each page of the {workspaceName} deck before exporting it.
        </p>
      )}
    </Panel>
  );
}
