/**
 * A virtualised table for lists that can reach thousands of rows (KPI values, tickets): only the
 * visible rows are in the DOM. ARIA table roles with aria-rowcount/aria-rowindex keep the full
 * size known to assistive technology; the scroll area is focusable so keyboards can scroll it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export type VirtualColumn<T> = {
  key: string;
  header: string;
  numeric?: boolean;
  width: string;
  cell: (row: T) => ReactNode;
};

export function VirtualTable<T>({
  rows,
  columns,
  label,
  rowKey,
  height = 360,
  rowHeight = 32,
}: {
  rows: readonly T[];
  columns: readonly VirtualColumn<T>[];
  label: string;
  rowKey: (row: T) => string;
  height?: number;
  rowHeight?: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // happy-dom and first paint have no layout: render a first screenful anyway.
    initialRect: { width: 800, height },
  });
  const template = columns.map((c) => c.width).join(' ');
  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className="vtable">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="vtable-row vtable-head" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div key={c.key} role="columnheader" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="vtable-scroll"
        style={{ maxHeight: height }}
        tabIndex={0}
        role="rowgroup"
        aria-label={`${label}, ${rows.length} rows (scrollable)`}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (row === undefined) return null;
            return (
              <div
                key={rowKey(row)}
                role="row"
                aria-rowindex={v.index + 2}
                className="vtable-row"
                style={{
                  gridTemplateColumns: template,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: v.size,
                  transform: `translateY(${v.start}px)`,
                }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
