/**
 * Status badges. RAG is never colour alone (SEC/A11Y): every badge has an icon shape and a word,
 * and the colour only reinforces it.
 */
export type Rag = 'green' | 'amber' | 'red';

// The same words as the deck (shared/domain/kpis/rag.ts ragLabel).
const RAG_TEXT: Record<Rag, string> = { green: 'On target', amber: 'Near target', red: 'Off target' };
const HEALTH_TEXT: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** Icon shapes differ per status (circle-check, triangle, octagon-x) so they read without colour. */
function RagIcon({ rag }: { rag: Rag | null }) {
  const common = { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': true, focusable: false } as const;
  if (rag === 'green') {
    return (
      <svg {...common}>
        <circle cx="6" cy="6" r="5.5" fill="currentColor" />
        <path d="M3.4 6.2 5.2 8 8.7 4.3" stroke="var(--color-surface)" strokeWidth="1.5" fill="none" />
      </svg>
    );
  }
  if (rag === 'amber') {
    return (
      <svg {...common}>
        <path d="M6 .8 11.4 10.6H.6Z" fill="currentColor" />
        <path d="M6 4.3v3.1M6 8.6v.9" stroke="var(--color-surface)" strokeWidth="1.4" />
      </svg>
    );
  }
  if (rag === 'red') {
    return (
      <svg {...common}>
        <path d="M3.5.5h5l3 3v5l-3 3h-5l-3-3v-5Z" fill="currentColor" />
        <path d="m4 4 4 4M8 4 4 8" stroke="var(--color-surface)" strokeWidth="1.5" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <circle cx="6" cy="6" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** KPI status vs target: "On target" / "Near target" / "Off target" / "No target". */
export function RagBadge({ rag, label }: { rag: Rag | null; label?: string }) {
  return (
    <span className={`badge rag rag-${rag ?? 'none'}`}>
      <RagIcon rag={rag} />
      <span>{label ?? (rag ? RAG_TEXT[rag] : 'No target')}</span>
    </span>
  );
}

/** Roadmap health: "Green" / "Amber" / "Red" with the same icon shapes. */
export function HealthBadge({ health }: { health: Rag }) {
  return (
    <span className={`badge rag rag-${health}`}>
      <RagIcon rag={health} />
      <span>{HEALTH_TEXT[health]}</span>
    </span>
  );
}

/** A neutral or toned pill for statuses such as "in progress" or "closed". */
export function Pill({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'accent' | Rag }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}
