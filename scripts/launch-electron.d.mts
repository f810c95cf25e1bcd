/** Types for scripts/launch-electron.mjs (imported by unit tests and test/e2e/electron.spec.ts). */
export declare const PROJECT_ROOT: string;
export declare const FIRST_RUN_FLAG: string;
export declare function findElectronBinary(options?: {
  root?: string;
  env?: Record<string, string | undefined>;
}): { path: string; reason?: undefined } | { path: null; reason: string };
export declare function displayProblem(platform?: string, env?: Record<string, string | undefined>): string | null;
export declare function fallbackMessage(reason: string): string;
