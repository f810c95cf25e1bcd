/**
 * Runtime schemas for every IPC request (SEC-04). Used by the main process only: the preload never
 * imports this file, so zod stays out of the sandboxed preload bundle.
 */
import { z } from 'zod';
import {
  IPC_LIMITS,
  type Channel,
  type ListBackupsRequest,
  type OpenFileRequest,
  type ReadBackupRequest,
  type RequestOf,
  type SaveFileRequest,
  type WriteBackupRequest,
} from './contract';

/** Keys that could reach a prototype if some later code merged the payload into an object. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
const MAX_DEPTH = 8;

/**
 * Finds a forbidden key (or excessive nesting) anywhere in a payload; returns its path or null.
 * Typed arrays are leaves. Runs before the schema so nothing ever reads such a key.
 */
export function findForbiddenKey(value: unknown, path = 'payload', depth = 0): string | null {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  if (depth > MAX_DEPTH) return `${path} (nested deeper than ${MAX_DEPTH} levels)`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findForbiddenKey(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.includes(key)) return `${path}.${key}`;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

const MB = 1024 * 1024;

/** A bare file name: no folder part, no `..`, no control characters. */
export const SafeFileName = z
  .string()
  .min(1, 'must not be empty')
  .max(IPC_LIMITS.maxNameLength, `must be at most ${IPC_LIMITS.maxNameLength} characters`)
  .refine((s) => !/[/\\]/.test(s), 'must not contain a path separator')
  .refine((s) => !s.includes('..'), 'must not contain ".."')
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20), 'must not contain control characters');

/** Workspace ids become folder names, so only a conservative alphabet is accepted. */
export const WorkspaceIdSchema = z
  .string()
  .regex(
    new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${IPC_LIMITS.maxWorkspaceIdLength - 1}}$`),
    `must be 1-${IPC_LIMITS.maxWorkspaceIdLength} letters, digits, "_" or "-"`,
  );

const FileFilterSchema = z.strictObject({
  name: z.string().min(1).max(IPC_LIMITS.maxNameLength),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension is letters/digits without a dot, or "*"'))
    .min(1)
    .max(IPC_LIMITS.maxExtensionsPerFilter),
});
const FiltersSchema = z.array(FileFilterSchema).max(IPC_LIMITS.maxFilters);

const SaveDataSchema = z.union([
  z.string().max(IPC_LIMITS.maxDataLength, `text must be at most ${IPC_LIMITS.maxDataLength / MB} MB`),
  z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected text or bytes')
    .refine(
      (b) => b.byteLength <= IPC_LIMITS.maxDataLength,
      `bytes must be at most ${IPC_LIMITS.maxDataLength / MB} MB`,
    ),
]);

export const SaveFileRequestSchema = z.strictObject({
  suggestedName: SafeFileName,
  filters: FiltersSchema,
  data: SaveDataSchema,
});

export const OpenFileRequestSchema = z.strictObject({
  filters: FiltersSchema,
  maxBytes: z.number().int().positive().max(IPC_LIMITS.maxOpenBytes),
  as: z.enum(['text', 'bytes']),
});

export const WriteBackupRequestSchema = z.strictObject({
  workspaceId: WorkspaceIdSchema,
  workspaceName: z.string().max(IPC_LIMITS.maxNameLength),
  json: z
    .string()
    .min(2)
    .max(IPC_LIMITS.maxDataLength, `backup JSON must be at most ${IPC_LIMITS.maxDataLength / MB} MB`),
});

export const ListBackupsRequestSchema = z.strictObject({ workspaceId: WorkspaceIdSchema.optional() });

export const ReadBackupRequestSchema = z.strictObject({
  fileName: SafeFileName,
  workspaceId: WorkspaceIdSchema.optional(),
});

/** `app:get-info` takes no payload; `undefined` (what `invoke(channel)` sends) is the only value. */
export const NoPayloadSchema = z.undefined();

/** One schema per invoke channel; the map type proves each schema produces the contract's request. */
export const REQUEST_SCHEMAS = {
  'app:get-info': NoPayloadSchema,
  'dialog:save-file': SaveFileRequestSchema,
  'dialog:open-file': OpenFileRequestSchema,
  'backup:write': WriteBackupRequestSchema,
  'backup:list': ListBackupsRequestSchema,
  'backup:read': ReadBackupRequestSchema,
} satisfies { [C in Channel]: z.ZodType<RequestOf<C>> };

// Compile-time checks that the contract types and the schemas agree in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _agree: [
  Same<z.infer<typeof SaveFileRequestSchema>, SaveFileRequest>,
  Same<z.infer<typeof OpenFileRequestSchema>, OpenFileRequest>,
  Same<z.infer<typeof WriteBackupRequestSchema>, WriteBackupRequest>,
  Same<z.infer<typeof ListBackupsRequestSchema>, ListBackupsRequest>,
  Same<z.infer<typeof ReadBackupRequestSchema>, ReadBackupRequest>,
] = [true, true, true, true, true];
void _agree;
