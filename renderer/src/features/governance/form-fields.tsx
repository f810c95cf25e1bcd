/**
 * Form fields the governance dialogs share: options from a status list, and a duration typed as
 * a number with its unit (escalation response targets, SLA targets).
 */
import { SelectField, TextField } from '../../components/field';
import type { DurationUnit } from './governance-view';

export const UNIT_OPTIONS: readonly { value: DurationUnit; label: string }[] = [
  { value: 'min', label: 'minutes' },
  { value: 'h', label: 'hours' },
  { value: 'd', label: 'days' },
];

/** Select options for `values`, in that order, labelled by `text`. */
export function labelledOptions<T extends string>(
  values: readonly T[],
  text: Record<T, string>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: text[value] }));
}

/** A number field and its unit select, side by side in the form grid. */
export function DurationField({
  label,
  unitLabel,
  value,
  unit,
  onValue,
  onUnit,
  error,
  hint,
  autoFocus,
}: {
  label: string;
  unitLabel: string;
  value: string;
  unit: DurationUnit;
  onValue: (value: string) => void;
  onUnit: (unit: DurationUnit) => void;
  error: string | undefined;
  hint?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label={label}
        value={value}
        onChange={onValue}
        inputMode="decimal"
        error={error}
        hint={hint}
        autoFocus={autoFocus}
        required
      />
      <SelectField label={unitLabel} value={unit} onChange={onUnit} options={UNIT_OPTIONS} />
    </>
  );
}
