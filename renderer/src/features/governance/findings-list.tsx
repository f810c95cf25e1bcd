/**
 * Plan findings (shared planFindings, warnings that never block) as a list: kind badge, the
 * message saying what to do, and a link to the place where it is fixed. Used on Governance and on
 * the Dashboard.
 */
import { useState } from 'react';
import type { Finding } from '../../../../shared/domain/findings';
import { RagBadge } from '../../components/status';
import { FINDING_LABELS, findingTarget } from './governance-view';

const RED = new Set(['raci-gap', 'raci-accountable', 'action-overdue', 'single-point-of-failure']);

export function FindingsList({
  findings,
  limit = 8,
  emptyText = 'No warnings about the plan.',
}: {
  findings: readonly Finding[];
  /** How many to show before "Show all". */
  limit?: number;
  emptyText?: string;
}) {
  const [all, setAll] = useState(false);
  if (findings.length === 0) return <p className="muted">{emptyText}</p>;
  const shown = all ? findings : findings.slice(0, limit);
  return (
    <>
      <ul className="findings-list">
        {shown.map((f, i) => {
          const target = findingTarget(f);
          return (
            <li key={`${f.kind}-${f.recordId ?? f.subject}-${i}`} className="finding">
              <RagBadge rag={RED.has(f.kind) ? 'red' : 'amber'} label={FINDING_LABELS[f.kind]} />
              <span className="finding-message">{f.message}</span>
              <a href={target.href} className="finding-link">
                {target.label}
              </a>
            </li>
          );
        })}
      </ul>
      {findings.length > limit ? (
        <button type="button" className="btn btn-sm btn-ghost" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer' : `Show all ${findings.length}`}
        </button>
      ) : null}
    </>
  );
}
