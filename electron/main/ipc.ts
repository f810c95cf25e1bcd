/**
 * The typed IPC wrapper: the only file that uses ipcMain (lint enforces it). Every handler checks
 * the sender — the main frame of an app://quarterdeck page — and validates the payload against the
 * contract's schema before the handler sees it (SEC-04). Refusals reject the renderer's promise
 * with a clear message; they never throw in main.
 */
import type { z } from 'zod';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { findForbiddenKey, REQUEST_SCHEMAS } from '../../shared/ipc/schemas';
import { isAppUrl } from './guards';

/** The part of a WebFrameMain the sender check reads. */
export type SenderFrame = { url: string; parent: unknown };
/** The part of IpcMainInvokeEvent the wrapper reads. */
export type InvokeEvent = { senderFrame: SenderFrame | null };

/** The part of ipcMain the wrapper uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** Thrown back to the renderer; the message names the channel and the reason. */
export class IpcRefusal extends Error {
  constructor(channel: Channel, reason: string) {
    super(`${channel} refused: ${reason}`);
    this.name = 'IpcRefusal';
  }
}

/** Why a sender is not trusted, or null when it is the app's own main frame. */
export function senderProblem(event: InvokeEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null && frame.parent !== undefined) return 'sub-frames may not call the app';
  if (!isAppUrl(frame.url)) return `foreign origin ${frame.url.slice(0, 100) || '(empty)'}`;
  return null;
}

/** Turns zod issues into one readable line: `field: reason; field: reason`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}

export type IpcRegistry = {
  handle<C extends Channel>(channel: C, handler: Handler<C>): void;
  /** Removes every handler registered through this registry. */
  dispose(): void;
};

/** Creates the registry through which index.ts registers every handler. */
export function createIpcRegistry(ipcMain: IpcMainLike, log: (message: string) => void = console.warn): IpcRegistry {
  const registered = new Set<Channel>();
  return {
    handle(channel, handler) {
      const schema: z.ZodType = REQUEST_SCHEMAS[channel];
      ipcMain.handle(channel, async (event, ...args) => {
        const refuse = (reason: string): never => {
          log(`IPC ${channel} refused: ${reason}`);
          throw new IpcRefusal(channel, reason);
        };
        const problem = senderProblem(event);
        if (problem) refuse(problem);
        if (args.length > 1) refuse(`expected one argument, got ${args.length}`);
        const payload = args[0];
        const forbidden = findForbiddenKey(payload);
        if (forbidden) refuse(`forbidden key at ${forbidden}`);
        const parsed = schema.safeParse(payload);
        if (!parsed.success) refuse(describeIssues(parsed.error));
        try {
          return await handler(parsed.data as RequestOf<typeof channel>);
        } catch (error) {
          if (error instanceof IpcRefusal) throw error;
          const message = error instanceof Error ? error.message : String(error);
          log(`IPC ${channel} failed: ${message}`);
          throw new Error(`${channel} failed: ${message}`);
        }
      });
      registered.add(channel);
    },
    dispose() {
      for (const channel of registered) ipcMain.removeHandler(channel);
      registered.clear();
    },
  };
}
