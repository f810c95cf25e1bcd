/**
 * Column-mapping presets for the ticket exports a director can actually get (SPEC §3.6). Each preset
 * lists, per ticket field, the column names (API field names and display labels) its exports use.
 * Names are compared after normalising case, `_` and spaces, so `opened_at`, `Opened at` and
 * `OPENED AT` are the same column. `auto` picks the preset whose columns match best.
 *
 * To add a preset: add an entry to PRESETS (before `generic`), with at least `ticketId` and `openedAt`,
 * and a fixture test that imports a small file of that system.
 */

export const TICKET_FIELDS = [
  'ticketId',
  'openedAt',
  'resolvedAt',
  'closedAt',
  'updatedAt',
  'reopenedAt',
  'priority',
  'status',
  'category',
  'assignmentGroup',
  'slaMet',
  'firstContactResolved',
  'reopenCount',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

export const DATE_FIELDS = ['openedAt', 'resolvedAt', 'closedAt', 'updatedAt', 'reopenedAt'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const PRESET_NAMES = [
  'servicenow',
  'jira',
  'zendesk',
  'freshservice',
  'connectwise',
  'autotask',
  'halopsa',
  'hpsm',
  'hpsm-interactions',
  'generic',
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export type Preset = {
  name: PresetName;
  label: string;
  /** Column names per field, best first. */
  columns: Partial<Record<TicketField, readonly string[]>>;
};

/** Cell values that mean "no value" in some export (compared case-insensitively after trimming). */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '#n/b', // HP Service Manager, Dutch Excel (#N/B = #N/A)
  '#n/a',
  '#multivalue', // HP Service Manager
  '?', // ServiceNow event-log exports
  'null',
  '(null)',
  '(empty)',
]);

export const PRESETS: readonly Preset[] = [
  {
    name: 'servicenow',
    label: 'ServiceNow',
    columns: {
      ticketId: ['number', 'task number', 'incident number', 'task.number'],
      openedAt: ['opened_at', 'opened_on', 'opened', 'sys_created_on', 'sys_created_at', 'created', 'created on'],
      resolvedAt: ['resolved_at', 'resolved_on', 'resolved', 'u_resolved', 'resolved date'],
      closedAt: ['closed_at', 'closed_on', 'closed', 'closed date'],
      updatedAt: ['sys_updated_on', 'sys_updated_at', 'updated_at', 'updated_on', 'updated', 'last updated'],
      reopenedAt: ['reopened_time', 'reopened time', 'reopened_at'],
      priority: ['priority'],
      status: ['state', 'incident_state', 'incident state', 'status'],
      category: ['category', 'subcategory'],
      assignmentGroup: ['assignment_group', 'assignment group', 'assignment_group.name'],
      slaMet: ['made_sla', 'made sla'],
      firstContactResolved: [
        'u_first_contact_resolution',
        'first_contact_resolution',
        'first contact resolution',
        'first_call_resolution',
        'u_fcr',
      ],
      reopenCount: ['reopen_count', 'reopen count'],
    },
  },
  {
    name: 'jira',
    label: 'Jira Service Management',
    columns: {
      ticketId: ['issue key', 'key', 'issue id'],
      openedAt: ['created'],
      resolvedAt: ['resolved', 'resolution date', 'resolutiondate'],
      updatedAt: ['updated'],
      priority: ['priority'],
      status: ['status'],
      category: ['custom field (request type)', 'request type', 'issue type'],
      assignmentGroup: [
        'custom field (assignment group)',
        'assignment group',
        'custom field (team)',
        'team',
        'component/s',
      ],
      slaMet: ['custom field (time to resolution met)', 'time to resolution met'],
      reopenCount: ['custom field (reopen count)', 'reopen count'],
    },
  },
  {
    name: 'zendesk',
    label: 'Zendesk',
    columns: {
      ticketId: ['id', 'ticket id', 'ticket_id'],
      openedAt: ['requested', 'created at', 'created_at', 'ticket created - timestamp'],
      resolvedAt: ['solved', 'solved at', 'solved_at', 'ticket solved - timestamp'],
      updatedAt: ['updated', 'updated at', 'updated_at', 'ticket updated - timestamp'],
      closedAt: ['closed at', 'closed_at'],
      priority: ['priority', 'ticket priority'],
      status: ['status', 'ticket status'],
      category: ['type', 'ticket type', 'ticket form'],
      assignmentGroup: ['group', 'ticket group', 'group name'],
      slaMet: ['sla achieved', 'sla met'],
      firstContactResolved: ['one-touch', 'one touch', 'one-touch tickets'],
      reopenCount: ['reopens', 'reopens count'],
    },
  },
  {
    name: 'freshservice',
    label: 'Freshservice',
    columns: {
      ticketId: ['ticket id', 'display id'],
      openedAt: ['created date', 'created time', 'created at'],
      resolvedAt: ['resolved date', 'resolved time', 'resolved at'],
      closedAt: ['closed date', 'closed time', 'closed at'],
      updatedAt: ['last updated time', 'last update time', 'updated date', 'updated at'],
      priority: ['priority'],
      status: ['status'],
      category: ['category', 'type'],
      assignmentGroup: ['group', 'agent group'],
      slaMet: ['resolution status', 'resolution sla status'],
      firstContactResolved: ['first contact resolution', 'fcr'],
      reopenCount: ['reopened count', 'reopen count'],
    },
  },
  {
    name: 'connectwise',
    label: 'ConnectWise PSA',
    columns: {
      ticketId: ['ticket #', 'ticket nbr', 'ticket number', 'ticketnbr', 'id'],
      openedAt: ['date entered', 'entered', 'dateentered', 'date_entered'],
      resolvedAt: ['date resolved', 'resolved date', 'dateresolved', 'date_resolved'],
      closedAt: ['date closed', 'closed date', 'closeddate', 'date_closed'],
      updatedAt: ['last updated', 'lastupdated', 'last update', 'date updated'],
      priority: ['priority', 'priority name'],
      status: ['status', 'status name'],
      category: ['type', 'service type', 'type name'],
      assignmentGroup: ['board', 'service board', 'board name', 'team'],
      slaMet: ['resolved within sla', 'sla met', 'sla status'],
      reopenCount: ['reopen count'],
    },
  },
  {
    name: 'autotask',
    label: 'Autotask PSA',
    columns: {
      ticketId: ['ticket number', 'ticketnumber', 'ticket id'],
      openedAt: ['created', 'create date', 'created date', 'createdate'],
      resolvedAt: ['resolved date', 'resolveddatetime', 'resolved date time', 'complete date', 'completed date'],
      closedAt: ['completed date time', 'completeddate'],
      updatedAt: ['last activity date', 'last activity', 'lastactivitydate'],
      priority: ['priority'],
      status: ['status'],
      category: ['issue type', 'ticket type', 'ticket category'],
      assignmentGroup: ['queue', 'queue name'],
      slaMet: ['sla met', 'service level agreement met', 'resolved met'],
      firstContactResolved: ['first call resolution'],
      reopenCount: ['reopen count'],
    },
  },
  {
    name: 'halopsa',
    label: 'HaloPSA',
    columns: {
      ticketId: ['ticket id', 'faultid', 'request id', 'id'],
      openedAt: ['date logged', 'date occurred', 'dateoccurred', 'logged date', 'datelogged'],
      resolvedAt: ['date resolved', 'resolved date'],
      closedAt: ['date cleared', 'datecleared', 'date closed', 'cleared date'],
      updatedAt: ['last action date', 'lastactiondate', 'last update'],
      priority: ['priority', 'priority id'],
      status: ['status'],
      category: ['category', 'category 1', 'request type'],
      assignmentGroup: ['team', 'section'],
      slaMet: ['fixed within sla', 'resolution sla met', 'sla achieved', 'fixbytarget'],
      firstContactResolved: ['first time fix', 'first call resolution'],
      reopenCount: ['reopen count', 'times reopened'],
    },
  },
  {
    name: 'hpsm',
    label: 'HP Service Manager (incidents)',
    columns: {
      ticketId: ['incident id', 'incident number'],
      openedAt: ['open time', 'opened time'],
      resolvedAt: ['resolved time'],
      closedAt: ['close time', 'closed time'],
      updatedAt: ['update time', 'last update time', 'sysmodtime'],
      reopenedAt: ['reopen time'],
      priority: ['priority'],
      status: ['status'],
      category: ['category'],
      assignmentGroup: ['assignment group', 'assignment'],
      slaMet: ['sla breach', 'sla met'],
      firstContactResolved: ['first call resolution'],
    },
  },
  {
    name: 'hpsm-interactions',
    label: 'HP Service Manager (service-desk interactions)',
    columns: {
      ticketId: ['interaction id'],
      openedAt: ['open time (first touch)', 'open time'],
      closedAt: ['close time'],
      priority: ['priority'],
      status: ['status'],
      category: ['category'],
      firstContactResolved: ['first call resolution'],
    },
  },
  {
    name: 'generic',
    label: 'Generic',
    columns: {
      ticketId: ['id', 'ticket id', 'ticket', 'ticket number', 'number', 'key', 'incident id', 'case id', 'reference'],
      openedAt: [
        'opened',
        'opened at',
        'created',
        'created at',
        'open date',
        'open time',
        'date opened',
        'logged',
        'reported',
      ],
      resolvedAt: ['resolved', 'resolved at', 'resolution date', 'resolved date', 'solved', 'solved at', 'fixed'],
      closedAt: ['closed', 'closed at', 'close date', 'close time', 'date closed', 'completed'],
      updatedAt: ['updated', 'updated at', 'last updated', 'modified', 'last modified'],
      reopenedAt: ['reopened', 'reopened at', 'reopen time'],
      priority: ['priority', 'severity', 'prio'],
      status: ['status', 'state'],
      category: ['category', 'type'],
      assignmentGroup: ['assignment group', 'group', 'team', 'queue', 'board'],
      slaMet: ['sla met', 'made sla', 'within sla', 'sla'],
      firstContactResolved: ['first contact resolution', 'first call resolution', 'fcr', 'first time fix'],
      reopenCount: ['reopen count', 'reopens', 'reopened count'],
    },
  },
];

/** Normalised column name: lower case, `_`, `-` between words and runs of spaces become one space. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

export type HeaderInfo = {
  /** Column names as written (BOM and surrounding spaces removed). */
  names: string[];
  /** Columns with a name (trailing empty header columns do not count). */
  width: number;
  /** First column index per normalised name. */
  index: ReadonlyMap<string, number>;
  warnings: string[];
};

export class HeaderError extends Error {
  constructor(
    readonly column: number,
    readonly header: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a header row: a `__proto__`/`constructor`/`prototype` column is refused (SEC-13); empty
 * names are allowed (exports pad headers with empty columns) but cannot be mapped; a duplicate name
 * maps to its first column, with a warning.
 */
export function readHeader(fields: readonly string[]): HeaderInfo {
  const names = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
  const index = new Map<string, number>();
  const warnings: string[] = [];
  let width = 0;
  let empty = 0;
  names.forEach((name, i) => {
    if (name === '') {
      empty++;
      return;
    }
    width = i + 1;
    const key = normaliseHeader(name);
    if (FORBIDDEN.has(key) || FORBIDDEN.has(name)) {
      throw new HeaderError(i + 1, name, `column ${i + 1} is named "${name}", which is not allowed as a column name`);
    }
    if (index.has(key))
      warnings.push(`column "${name}" appears more than once; the first one (column ${index.get(key)! + 1}) is used`);
    else index.set(key, i);
  });
  if (empty > 0) warnings.push(`${empty} column(s) without a name are ignored`);
  return { names, width, index, warnings };
}

export type ColumnMapping = Partial<Record<TicketField, number>>;

const WEIGHTS: Partial<Record<TicketField, number>> = {
  ticketId: 4,
  openedAt: 4,
  resolvedAt: 2,
  closedAt: 2,
  updatedAt: 1,
};

/** Maps a preset's fields onto a header; returns the mapping and how well it fits. */
export function mapPreset(preset: Preset, header: HeaderInfo): { mapping: ColumnMapping; score: number } {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  let score = 0;
  for (const field of TICKET_FIELDS) {
    for (const name of preset.columns[field] ?? []) {
      const i = header.index.get(normaliseHeader(name));
      if (i !== undefined && !used.has(i)) {
        mapping[field] = i;
        used.add(i);
        score += WEIGHTS[field] ?? 1;
        break;
      }
    }
  }
  return { mapping, score };
}

/** The preset by name. */
export function getPreset(name: PresetName): Preset {
  const p = PRESETS.find((x) => x.name === name);
  if (!p) throw new Error(`unknown preset ${name}`);
  return p;
}

/**
 * The preset that fits a header best: the highest score among presets that find both a ticket id
 * and an opened date; ties go to the earlier preset (specific ones come before `generic`).
 */
export function choosePreset(header: HeaderInfo): { preset: Preset; mapping: ColumnMapping; score: number } {
  let best: { preset: Preset; mapping: ColumnMapping; score: number } | null = null;
  for (const preset of PRESETS) {
    const { mapping, score } = mapPreset(preset, header);
    if (mapping.ticketId === undefined || mapping.openedAt === undefined) continue;
    if (!best || score > best.score) best = { preset, mapping, score };
  }
  if (best) return best;
  const generic = getPreset('generic');
  return { preset: generic, ...mapPreset(generic, header) };
}

/**
 * Applies manual `field=Column` overrides to a mapping. The column is found by exact name, then by
 * normalised name, then as `#N` (1-based position). An empty column (`field=`) unmaps the field.
 * Returns problems as text instead of throwing.
 */
export function applyOverrides(
  mapping: ColumnMapping,
  header: HeaderInfo,
  overrides: Readonly<Partial<Record<TicketField, string>>>,
): { mapping: ColumnMapping; problems: string[] } {
  const out: ColumnMapping = { ...mapping };
  const problems: string[] = [];
  for (const field of TICKET_FIELDS) {
    const col = overrides[field];
    if (col === undefined) continue;
    if (col.trim() === '') {
      delete out[field];
      continue;
    }
    let i = header.names.indexOf(col);
    if (i < 0) i = header.index.get(normaliseHeader(col)) ?? -1;
    if (i < 0 && /^#\d+$/.test(col.trim())) {
      const n = Number(col.trim().slice(1));
      if (n >= 1 && n <= header.names.length) i = n - 1;
    }
    if (i < 0) problems.push(`--map ${field}=${col}: no column named "${col}" in the header`);
    else out[field] = i;
  }
  return { mapping: out, problems };
}

/** Whether a text is one of the field names (for parsing `field=Column` safely). */
export function isTicketField(s: string): s is TicketField {
  return (TICKET_FIELDS as readonly string[]).includes(s);
}

/** Whether a text names a preset. */
export function isPresetName(s: string): s is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(s);
}
