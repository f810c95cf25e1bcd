/**
 * Which editing dialog is open, with focus handed back to the control that opened it when it
 * closes (A11Y-08). The modal restores focus itself only when focus is still inside it at close;
 * a save that re-renders the page can leave focus on the body, so this makes sure.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

type Closing = { opener: HTMLElement | null; fallback: (() => HTMLElement | null) | undefined };

/** `[state, open(state), close()]`; `close(fallback)` focuses `fallback()` when the opener is gone. */
export function useDialog<T>(): [T | null, (value: T) => void, (fallback?: () => HTMLElement | null) => void] {
  const [state, setState] = useState<T | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const closing = useRef<Closing | null>(null);
  const open = useCallback((value: T) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setState(value);
  }, []);
  const close = useCallback((fallback?: () => HTMLElement | null) => {
    closing.current = { opener: opener.current, fallback };
    opener.current = null;
    setState(null);
  }, []);
  useEffect(() => {
    const c = closing.current;
    if (state !== null || !c) return;
    closing.current = null;
    // After the modal has unmounted (this effect runs after that commit) and its own restore ran.
    const id = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const target = c.opener?.isConnected ? c.opener : (c.fallback?.() ?? null);
      target?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [state]);
  return [state, open, close];
}
