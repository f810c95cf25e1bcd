/**
 * Backup file format (SPEC §3.9): one JSON file per workspace,
 * `{ formatVersion, app: "quarterdeck", exportedAt, workspace, tables: { <table>: [...] } }`.
 *
 * Reading is defensive (SEC-11, SEC-12, REL-05): size cap before parsing, BOM accepted, JSON errors
 * with line and column, `__proto__`/`constructor`/`prototype` keys refused anywhere, nesting depth
 * capped, every record checked against its schema, its workspace, id uniqueness and every
 * reference. The result is either the whole workspace or a list of problems naming record, field
 * and reason — never a partial workspace.
 */
import type { z } from 'zod';
import { IsoDateTime } from '../domain/common';
import {
  TABLE_NAMES,
  TABLE_SCHEMAS,
  emptyTables,
  type TableName,
  type WorkspaceData,
  type WorkspaceTables,
} from '../domain/tables';
import { Workspace } from '../domain/workspace/schema';
import { formatBytes, utf8Length } from '../util/format-bytes';
import { findJsonSyntaxError } from '../util/json-syntax';
import { REFERENCES, referencesAt } from './references';

/** The format version this code writes and the highest it reads. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_APP = 'quarterdeck';
/** Size cap for a backup file (SEC-12). */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
/** Deeper JSON than this is refused with a message (a real backup is about 8 levels deep). */
export const MAX_JSON_DEPTH = 64;
/** Keys that could reach an object's prototype if some later code copied them naively (SEC-11). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** After this many problems the rest are summarised in one line. */
export const DEFAULT_MAX_PROBLEMS = 200;

/** What is wrong, where: `record` like `roadmapItems[3] "Cloud migration"`, `workspace` or `file`. */
export type Problem = { record: string; field: string; reason: string };

export type ParseBackupOptions = { maxBytes?: number; maxProblems?: number };

export type ParseBackupResult =
  { ok: true; data: WorkspaceData; formatVersion: number; exportedAt: string } | { ok: false; problems: Problem[] };

/** A message for a backup that is too big (also used by callers that check the size on disk). */
export function sizeCapReason(bytes: number, maxBytes = MAX_BACKUP_BYTES): string {
  return `the file is ${formatBytes(bytes)}; the limit for a workspace backup is ${formatBytes(maxBytes, { whole: true })}`;
}

/**
 * The backup text of a workspace: every table of TABLE_SCHEMAS, one record per line so backups
 * diff well. Throws on a non-finite number rather than writing `null` where a number belongs.
 */
export function serializeBackup(data: WorkspaceData, nowIso: string): string {
  const line = (value: unknown): string => JSON.stringify(value, finiteOnly);
  const out: string[] = [
    '{',
    `  "formatVersion": ${BACKUP_FORMAT_VERSION},`,
    `  "app": ${line(BACKUP_APP)},`,
    `  "exportedAt": ${line(nowIso)},`,
    `  "workspace": ${line(data.workspace)},`,
    '  "tables": {',
  ];
  TABLE_NAMES.forEach((name, t) => {
    const rows: readonly unknown[] = data.tables[name] ?? [];
    const comma = t < TABLE_NAMES.length - 1 ? ',' : '';
    if (rows.length === 0) {
      out.push(`    ${line(name)}: []${comma}`);
      return;
    }
    out.push(`    ${line(name)}: [`);
    rows.forEach((row, i) => out.push(`      ${line(row)}${i < rows.length - 1 ? ',' : ''}`));
    out.push(`    ]${comma}`);
  });
  out.push('  }', '}', '');
  return out.join('\n');
}

function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`serializeBackup: "${key}" is ${String(value)}, which a backup cannot hold`);
  }
  return value;
}

/** Reads a backup file's text into a validated workspace, or says exactly what is wrong. */
export function parseBackup(text: string, opts: ParseBackupOptions = {}): ParseBackupResult {
  const maxBytes = opts.maxBytes ?? MAX_BACKUP_BYTES;
  const problems = new ProblemList(opts.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const fileProblem = (reason: string): ParseBackupResult => ({
    ok: false,
    problems: [{ record: 'file', field: '', reason }],
  });

  // Every char is at least one byte, so the exact count is only needed near the cap.
  const bytes = text.length > maxBytes ? text.length : text.length * 3 > maxBytes ? utf8Length(text) : 0;
  if (bytes > maxBytes) return fileProblem(sizeCapReason(utf8Length(text), maxBytes));

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fileProblem('the file is empty');
  if (body.slice(0, 8192).includes('\u0000')) {
    return fileProblem('the file is not text (binary content); expected a Quarterdeck backup (.json)');
  }

  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const err = findJsonSyntaxError(body);
    if (err) {
      const hint = err.truncated ? ' (the file looks truncated)' : '';
      return fileProblem(`invalid JSON at line ${err.line}, column ${err.column}: ${err.reason}${hint}`);
    }
    return fileProblem(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }

  scanKeysAndDepth(raw, [], 1, raw, problems);
  if (problems.count > 0) return { ok: false, problems: problems.list() };

  const upgraded = upgradeToLatest(raw);
  if (!upgraded.ok) return upgraded;
  const data = validateDocument(upgraded.document, problems);
  if (!data || problems.count > 0) return { ok: false, problems: problems.list() };
  return {
    ok: true,
    data,
    formatVersion: upgraded.fromVersion,
    exportedAt: String(upgraded.document.exportedAt),
  };
}

/** Every problem of an in-memory workspace (schema, workspace ids, unique ids, references). */
export function validateWorkspaceData(data: WorkspaceData, maxProblems = DEFAULT_MAX_PROBLEMS): Problem[] {
  const problems = new ProblemList(maxProblems);
  validateBody(data.workspace, data.tables, problems);
  return problems.list();
}

// ---------------------------------------------------------------------------------------------
// Upgrades

/** A raw backup document (parsed JSON, not yet validated). */
export type BackupDocument = Record<string, unknown>;

/** Turns a document of format version `from` into version `from + 1`. */
export type BackupUpgrade = { from: number; name: string; upgrade: (doc: BackupDocument) => BackupDocument };

/**
 * One named upgrade per older format version, in order. Version 1 is the first and current
 * format, so the list is empty. Adding version 2: bump BACKUP_FORMAT_VERSION, append
 * `{ from: 1, name: 'v1ToV2', upgrade: v1ToV2 }`, and freeze a v2 fixture in test/fixtures/backups.
 */
export const BACKUP_UPGRADES: readonly BackupUpgrade[] = [];

export type UpgradeResult =
  { ok: true; document: BackupDocument; fromVersion: number } | { ok: false; problems: Problem[] };

/** Brings a parsed backup of any supported format version up to the current one. */
export function upgradeToLatest(raw: unknown): UpgradeResult {
  return upgradeWith(raw, BACKUP_UPGRADES, BACKUP_FORMAT_VERSION);
}

/** upgradeToLatest with an explicit upgrade chain (tests prove the chain mechanics with it). */
export function upgradeWith(raw: unknown, upgrades: readonly BackupUpgrade[], latest: number): UpgradeResult {
  const fail = (field: string, reason: string): UpgradeResult => ({
    ok: false,
    problems: [{ record: 'file', field, reason }],
  });
  if (!isPlainObject(raw)) return fail('', `expected a JSON object (a Quarterdeck backup), found ${kindOf(raw)}`);
  if (raw.app !== BACKUP_APP) {
    const app = raw.app === undefined ? 'no "app" field' : `app is ${JSON.stringify(raw.app).slice(0, 60)}`;
    return fail('app', `not a Quarterdeck backup (${app})`);
  }
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      'formatVersion',
      `expected a whole number of at least 1, found ${JSON.stringify(version) ?? 'nothing'}`,
    );
  }
  if (version > latest) {
    return fail(
      'formatVersion',
      `written by a newer Quarterdeck (backup format version ${version}; this version reads up to ${latest}); update Quarterdeck to open it`,
    );
  }
  let doc: BackupDocument = raw;
  for (let v = version; v < latest; v++) {
    const step = upgrades.find((u) => u.from === v);
    if (!step) return fail('formatVersion', `no upgrade from backup format version ${v}`);
    doc = { ...step.upgrade(doc), formatVersion: v + 1 };
  }
  return { ok: true, document: doc, fromVersion: version };
}

// ---------------------------------------------------------------------------------------------
// Validation

class ProblemList {
  private readonly items: Problem[] = [];
  private overflow = 0;
  constructor(private readonly max: number) {}
  get count(): number {
    return this.items.length + this.overflow;
  }
  add(record: string, field: string, reason: string): void {
    if (this.items.length < this.max) this.items.push({ record, field, reason });
    else this.overflow++;
  }
  list(): Problem[] {
    if (this.overflow === 0) return [...this.items];
    const more = `and ${this.overflow} more ${this.overflow === 1 ? 'problem' : 'problems'} not listed`;
    return [...this.items, { record: 'file', field: '', reason: more }];
  }
}

function validateDocument(doc: BackupDocument, problems: ProblemList): WorkspaceData | null {
  if (typeof doc.exportedAt !== 'string' || !IsoDateTime.safeParse(doc.exportedAt).success) {
    problems.add('file', 'exportedAt', 'expected an ISO timestamp such as 2026-10-01T09:00:00.000Z');
  }
  if (!isPlainObject(doc.tables)) {
    problems.add('file', 'tables', `expected an object of tables, found ${kindOf(doc.tables)}`);
    return null;
  }
  const rawTables: Partial<Record<TableName, unknown[]>> = {};
  for (const [name, rows] of Object.entries(doc.tables)) {
    if (!(TABLE_NAMES as readonly string[]).includes(name)) {
      problems.add('file', `tables.${name}`, `unknown table "${name}"`);
    } else if (!Array.isArray(rows)) {
      problems.add('file', `tables.${name}`, `expected a list of records, found ${kindOf(rows)}`);
    } else rawTables[name as TableName] = rows;
  }
  return validateBody(doc.workspace, rawTables, problems);
}

/**
 * Validates a workspace and its tables (missing tables count as empty); returns the parsed data
 * when every record is valid, otherwise null with the problems added.
 */
function validateBody(
  rawWorkspace: unknown,
  rawTables: Partial<Record<TableName, readonly unknown[]>>,
  problems: ProblemList,
): WorkspaceData | null {
  const before = problems.count;
  const ws = Workspace.safeParse(rawWorkspace);
  if (!ws.success) addZodIssues(problems, 'workspace', ws.error.issues);
  const workspaceId = ws.success ? ws.data.id : null;

  const tables = emptyTables();
  const ids = new Map<TableName, Map<string, number>>();
  for (const name of TABLE_NAMES) {
    const rows = rawTables[name] ?? [];
    const schema = TABLE_SCHEMAS[name] as z.ZodType;
    const seen = new Map<string, number>();
    ids.set(name, seen);
    const parsed: unknown[] = [];
    rows.forEach((row, i) => {
      const label = recordLabel(name, i, row);
      const result = schema.safeParse(row);
      if (!result.success) addZodIssues(problems, label, result.error.issues);
      else parsed.push(result.data);
      const id = isPlainObject(row) ? row.id : undefined;
      if (typeof id === 'string') {
        const first = seen.get(id);
        if (first !== undefined) problems.add(label, 'id', `duplicate id "${clip(id)}" (also ${name}[${first}])`);
        else seen.set(id, i);
      }
      const rowWorkspace = isPlainObject(row) ? row.workspaceId : undefined;
      if (workspaceId !== null && typeof rowWorkspace === 'string' && rowWorkspace !== workspaceId) {
        problems.add(
          label,
          'workspaceId',
          `belongs to workspace "${clip(rowWorkspace)}", not to this workspace "${clip(workspaceId)}"`,
        );
      }
    });
    (tables as Record<TableName, unknown[]>)[name] = parsed;
  }

  checkUniqueKey(rawTables.kpiDefinitions ?? [], 'kpiDefinitions', 'key', problems);
  checkUniqueKey(rawTables.skillAreas ?? [], 'skillAreas', 'key', problems);

  for (const ref of REFERENCES) {
    const targets = ids.get(ref.target)!;
    (rawTables[ref.table] ?? []).forEach((row, i) => {
      for (const found of referencesAt(row, ref.path)) {
        if (!targets.has(found.id)) {
          problems.add(
            recordLabel(ref.table, i, row),
            found.field,
            `refers to ${singular(ref.target)} "${clip(found.id)}", which is not in this backup`,
          );
        }
      }
    });
  }

  if (!ws.success || problems.count > before) return null;
  return { workspace: ws.data, tables: tables as WorkspaceTables };
}

function checkUniqueKey(rows: readonly unknown[], table: TableName, key: string, problems: ProblemList): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const value = isPlainObject(row) ? row[key] : undefined;
    if (typeof value !== 'string') return;
    const first = seen.get(value);
    if (first !== undefined) {
      problems.add(recordLabel(table, i, row), key, `duplicate ${key} "${clip(value)}" (also ${table}[${first}])`);
    } else seen.set(value, i);
  });
}

type ZodIssueLike = { path: readonly PropertyKey[]; message: string; code?: string };

function addZodIssues(problems: ProblemList, record: string, issues: readonly ZodIssueLike[]): void {
  for (const issue of issues) problems.add(record, formatPath(issue.path), friendlyMessage(issue.message));
}

function friendlyMessage(message: string): string {
  const missing = /^Invalid input: expected (.+), received undefined$/.exec(message);
  if (missing) return `missing (expected ${missing[1]})`;
  return message;
}

// ---------------------------------------------------------------------------------------------
// Hostile input

function scanKeysAndDepth(
  value: unknown,
  path: (string | number)[],
  depth: number,
  root: unknown,
  problems: ProblemList,
): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_JSON_DEPTH) {
    const { record, field } = locate(root, path);
    problems.add(record, field, `nested more than ${MAX_JSON_DEPTH} levels deep; refused`);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      scanKeysAndDepth(value[i], [...path, i], depth + 1, root, problems);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      const { record, field } = locate(root, [...path, key]);
      problems.add(record, field, `the key "${key}" is not allowed in a backup (it could alter object prototypes)`);
      continue;
    }
    scanKeysAndDepth((value as Record<string, unknown>)[key], [...path, key], depth + 1, root, problems);
  }
}

/** Maps a path inside the document to the record it belongs to and the field within it. */
function locate(root: unknown, path: readonly (string | number)[]): { record: string; field: string } {
  if (path[0] === 'tables' && typeof path[1] === 'string' && typeof path[2] === 'number') {
    const tables = isPlainObject(root) ? root.tables : undefined;
    const rows = isPlainObject(tables) ? tables[path[1]] : undefined;
    const row = Array.isArray(rows) ? (rows[path[2]] as unknown) : undefined;
    return { record: recordLabel(path[1], path[2], row), field: formatPath(path.slice(3)) };
  }
  if (path[0] === 'workspace') return { record: 'workspace', field: formatPath(path.slice(1)) };
  return { record: 'file', field: formatPath(path) };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** `roadmapItems[3] "Cloud migration"`: table, index and the record's own name when it has one. */
export function recordLabel(table: string, index: number, row: unknown): string {
  const base = `${table}[${index}]`;
  if (!isPlainObject(row)) return base;
  for (const key of ['title', 'name', 'text', 'ticketId', 'key', 'role', 'pattern'] as const) {
    const v = row[key];
    if (typeof v === 'string' && v.trim() !== '') return `${base} ${JSON.stringify(clip(v.trim(), 40))}`;
  }
  if (typeof row.kpiKey === 'string' && typeof row.period === 'string') {
    return `${base} ${JSON.stringify(clip(`${row.kpiKey} ${row.period}`, 40))}`;
  }
  if (typeof row.id === 'string') return `${base} ${JSON.stringify(clip(row.id, 40))}`;
  return base;
}

/** A zod or walk path as a field name: `skills[2].skillAreaId`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return clip(out, 160);
}

function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function singular(table: TableName): string {
  const names: Partial<Record<TableName, string>> = {
    parties: 'party',
    people: 'person',
    roadmapItems: 'roadmap item',
    skillAreas: 'skill area',
    costProfiles: 'cost profile',
    partnerContracts: 'partner contract',
    raciActivities: 'RACI activity',
    ticketImports: 'ticket import',
    qbrs: 'QBR',
    decisions: 'decision',
  };
  return names[table] ?? table;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
