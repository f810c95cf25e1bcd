/** Types for scripts/serve-web.mjs (imported by unit tests and scripts/launch-electron.mjs). */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export declare const PROJECT_ROOT: string;
export declare const DEFAULT_ROOT: string;
export declare const DEFAULT_PORT: number;
export declare const WEB_CSP: string;
export declare function mimeTypeFor(fileName: string): string;
export declare function resolveStaticPath(
  root: string,
  requestTarget: string,
): { filePath: string; spaFallback: boolean } | null;
export declare function createStaticHandler(
  root: string,
  getPort: () => number,
): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export type RunningServer = { server: Server; port: number; url: string; close(): Promise<void> };
export declare function startServer(options?: {
  root?: string;
  port?: number;
  host?: string;
  maxTries?: number;
}): Promise<RunningServer>;
export declare function portFromEnv(env?: Record<string, string | undefined>): number;
export declare function serveWeb(options?: {
  root?: string;
  env?: Record<string, string | undefined>;
  out?: (line: string) => void;
}): Promise<RunningServer>;
