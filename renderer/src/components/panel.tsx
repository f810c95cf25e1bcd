/** A titled card section of a page; `id` ties the heading to the region for screen readers. */
import type { ReactNode } from 'react';

export function Panel({
  id,
  title,
  meta,
  actions,
  children,
  className,
}: {
  id: string;
  title: string;
  meta?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {meta ? <span className="panel-meta">{meta}</span> : null}
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}
