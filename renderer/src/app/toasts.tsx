/** Toasts in a polite live region; the newest undoable one carries an Undo button. */
import { useEffect } from 'react';
import { useUi, type Toast } from '../state/store';
import { undoLast } from './actions';
import { useServices } from './services';

function ToastItem({ t }: { t: Toast }) {
  const s = useServices();
  const dismiss = useUi((st) => st.dismissToast);
  useEffect(() => {
    // Errors and undoable toasts stay longer: the user needs time to read or act.
    const ms = t.tone === 'error' ? 12_000 : t.undoable ? 10_000 : 5_000;
    const timer = setTimeout(() => dismiss(t.id), ms);
    return () => clearTimeout(timer);
  }, [t, dismiss]);
  return (
    <li className={`toast toast-${t.tone}`}>
      <span className="toast-text">{t.text}</span>
      {t.undoable ? (
        <button
          type="button"
          className="btn btn-sm toast-undo"
          onClick={() => {
            dismiss(t.id);
            void undoLast(s);
          }}
        >
          Undo
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        aria-label="Dismiss"
        onClick={() => dismiss(t.id)}
      >
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toast-region" aria-live="polite" aria-label="Notifications" role="region">
      <ul>
        {toasts.map((t) => (
          <ToastItem key={t.id} t={t} />
        ))}
      </ul>
    </div>
  );
}
