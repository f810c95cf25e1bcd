/** Light/dark theme: follows `prefers-color-scheme` unless Settings overrides it. */
import { useEffect } from 'react';
import { useUi, type ThemeChoice } from '../state/store';

/** The theme to paint for a choice and the system preference. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** Keep `<html data-theme>` in step with the choice and the system setting. */
export function useThemeEffect(): void {
  const choice = useUi((s) => s.theme);
  useEffect(() => {
    const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(choice, mq?.matches ?? false);
    };
    apply();
    mq?.addEventListener('change', apply);
    return () => mq?.removeEventListener('change', apply);
  }, [choice]);
}
