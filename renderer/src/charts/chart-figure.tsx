/**
 * A chart on screen, drawn from the same shared chart configuration the deck uses
 * (shared/charts). Accessible by construction (A11Y-07): the canvas has role="img" and a label
 * saying what it shows, and a "View as table" toggle shows the same numbers as a table.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ChartSpec } from '../../../shared/charts/base';
import { TableWrap } from '../components/table-wrap';

let registered = false;
function ensureRegistered() {
  if (!registered) {
    Chart.register(...registerables);
    registered = true;
  }
}

export type ChartTable = {
  columns: string[];
  rows: (string | number | null)[][];
  /** Indexes of columns holding numbers (right-aligned, tabular figures). */
  numeric?: number[];
};

/** Renders `spec` as a chart.js canvas with a table alternative. */
export function ChartFigure({
  spec,
  table,
  caption,
  width,
  height,
}: {
  spec: ChartSpec;
  table: ChartTable;
  caption?: ReactNode;
  /** CSS size; defaults to the spec's size. */
  width?: number;
  height?: number;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const w = width ?? spec.width;
  const h = height ?? spec.height;

  useEffect(() => {
    if (asTable) return;
    const canvas = canvasRef.current;
    if (!canvas || typeof canvas.getContext !== 'function' || !canvas.getContext('2d')) return;
    ensureRegistered();
    const config: ChartConfiguration = {
      ...spec.config,
      options: { ...(spec.config.options ?? {}), animation: false, responsive: false, maintainAspectRatio: false },
    };
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [spec, asTable, w, h]);

  const numeric = new Set(table.numeric ?? table.columns.map((_, i) => i).slice(1));
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-cap`}>
      <div className="chart-figure-head">
        <figcaption id={`${id}-cap`} className="chart-figure-caption">
          {caption ?? spec.title}
        </figcaption>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? 'View as chart' : 'View as table'}
        </button>
      </div>
      {asTable ? (
        <TableWrap label={spec.title}>
          <table className="data-table compact">
            <caption className="visually-hidden">{spec.title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col" className={numeric.has(i) ? 'num' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, ri) => (
                <tr key={ri}>
                  {r.map((v, ci) =>
                    ci === 0 ? (
                      <th key={ci} scope="row">
                        {v ?? '—'}
                      </th>
                    ) : (
                      <td key={ci} className={numeric.has(ci) ? 'num' : undefined}>
                        {v ?? '—'}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <div className="chart-figure-canvas" style={{ maxWidth: w }}>
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={spec.title}
            width={w}
            height={h}
            style={{ width: w, height: h, maxWidth: '100%' }}
          />
        </div>
      )}
    </figure>
  );
}
