/**
 * `quarterdeck validate --workspace FILE | --sample [--json]`: checks a workspace backup the way
 * an import does (SPEC §3.9) and lists plan-health findings (warnings). Exit 0 when valid, 1 with
 * one line per problem (`record · field · reason`) when not, 2 for a usage error.
 */
import type { Problem } from '../../shared/backup/format';
import { planFindings, type Finding } from '../../shared/domain/findings';
import type { WorkspaceData } from '../../shared/domain/tables';
import { CliError, type CliCommand, type CliIo } from '../io';
import { formatProblem, readWorkspaceSource, workspaceSourceArg } from '../workspace-file';

const USAGE = [
  'Usage: quarterdeck validate --workspace FILE | --sample [--json]',
  '',
  'Checks a workspace backup as an import would: size, JSON syntax, every record against its',
  'schema, workspace ids, unique ids and every reference. Exit code 0 when valid, 1 when not.',
  'Plan-health findings (RACI collisions and gaps, single points of failure, dependency conflicts…)',
  'are warnings and do not change the exit code.',
  '',
  '  --workspace FILE  a workspace backup file (.json)',
  '  --sample          the built-in sample workspace',
  '  --json            {"valid": bool, "errors": [{record, field, reason}], "findings": [...]}',
].join('\n');

export type ValidateJson = { valid: boolean; errors: Problem[]; findings: Finding[] };

function parseArgs(argv: readonly string[]): { json: boolean } {
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--sample' || a.startsWith('--workspace=')) continue;
    else if (a === '--workspace') i++;
    else throw new CliError(`unknown argument "${a}". ${USAGE.split('\n')[0]}`, 2);
  }
  return { json };
}

function summary(data: WorkspaceData): string {
  const t = data.tables;
  const n = (count: number, what: string) => `${count} ${what}`;
  return [
    n(t.people.length, 'people'),
    n(t.roadmapItems.length, 'roadmap items'),
    n(t.budgetLines.length, 'budget lines'),
    n(t.kpiSnapshots.length, 'KPI snapshots'),
    n(t.qbrs.length, 'QBRs'),
  ].join(', ');
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { json } = parseArgs(argv);
  const source = workspaceSourceArg(argv, io);
  let result;
  try {
    result = await readWorkspaceSource(source);
  } catch (e) {
    // A file that cannot be read at all is still an answer to "is it valid?" for --json callers.
    if (!json || !(e instanceof CliError)) throw e;
    const reason = e.message.startsWith(`${source.label}: `) ? e.message.slice(source.label.length + 2) : e.message;
    const out: ValidateJson = { valid: false, errors: [{ record: 'file', field: '', reason }], findings: [] };
    io.out(JSON.stringify(out, null, 2));
    return 1;
  }

  if (!result.ok) {
    if (json) {
      io.out(JSON.stringify({ valid: false, errors: result.problems, findings: [] } satisfies ValidateJson, null, 2));
    } else {
      for (const p of result.problems) io.out(formatProblem(p));
      const n = result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`;
      io.err(`quarterdeck validate: ${source.label} is not a valid workspace backup (${n}).`);
    }
    return 1;
  }

  const findings = planFindings(result.data);
  if (json) {
    io.out(JSON.stringify({ valid: true, errors: [], findings } satisfies ValidateJson, null, 2));
    return 0;
  }
  io.out(`${source.label}: valid workspace backup "${result.data.workspace.name}" (${summary(result.data)}).`);
  if (findings.length > 0) {
    io.out(`${findings.length === 1 ? '1 finding' : `${findings.length} findings`} (warnings):`);
    for (const f of findings) io.out(`  ${f.kind} · ${f.subject} · ${f.message}`);
  }
  return 0;
}

export const command: CliCommand = {
  summary: 'check a workspace backup (exit 0 valid, 1 invalid) and list plan-health findings',
  usage: USAGE,
  run,
};
