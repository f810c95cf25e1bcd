/**
 * Horizontal scroll container for wide tables. When (and only when) the table overflows, the
 * container becomes a labelled, focusable region so keyboard users can scroll it too.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function TableWrap({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(check);
    ro.observe(el);
    const inner = el.firstElementChild;
    if (inner) ro.observe(inner);
    return () => ro.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`table-wrap ${className ?? ''}`}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrollable)` } : {})}
    >
      {children}
    </div>
  );
}
