/**
 * Labelled form fields with error text tied to the input (aria-describedby, aria-invalid), so a
 * screen reader hears the reason and the field name together.
 */
import { useId, type ReactNode } from 'react';

type Common = { label: string; error?: string | undefined; hint?: string; className?: string };

function describedBy(errorId: string, hintId: string, error?: string, hint?: string): string | undefined {
  const ids = [error ? errorId : null, hint ? hintId : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Ids of a field's input, error and hint, and the aria attributes that tie them to the input. */
function useFieldIds(error?: string, hint?: string) {
  const id = useId();
  const errorId = `${id}-err`;
  const hintId = `${id}-hint`;
  return {
    ids: { id, errorId, hintId },
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(errorId, hintId, error, hint),
    },
  };
}

function Wrap({
  id,
  label,
  error,
  hint,
  className,
  children,
  errorId,
  hintId,
}: Common & { id: string; children: ReactNode; errorId: string; hintId: string }) {
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  type = 'text',
  inputMode,
  required,
  autoFocus,
  placeholder,
  name,
  maxLength,
}: Common & {
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'month' | 'date' | 'number' | 'email';
  inputMode?: 'decimal' | 'numeric' | 'text';
  required?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  name?: string;
  maxLength?: number;
}) {
  const { ids, aria } = useFieldIds(error, hint);
  return (
    <Wrap {...ids} {...{ label, error, hint, className }}>
      <input
        id={ids.id}
        name={name}
        type={type}
        value={value}
        inputMode={inputMode}
        required={required}
        aria-required={required}
        autoFocus={autoFocus}
        placeholder={placeholder}
        maxLength={maxLength}
        {...aria}
        onChange={(e) => onChange(e.target.value)}
      />
    </Wrap>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  rows = 3,
}: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  const { ids, aria } = useFieldIds(error, hint);
  return (
    <Wrap {...ids} {...{ label, error, hint, className }}>
      <textarea id={ids.id} rows={rows} value={value} {...aria} onChange={(e) => onChange(e.target.value)} />
    </Wrap>
  );
}

export function SelectField<T extends string>({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  options,
}: Common & { value: T; onChange: (v: T) => void; options: readonly { value: T; label: string }[] }) {
  const { ids, aria } = useFieldIds(error, hint);
  return (
    <Wrap {...ids} {...{ label, error, hint, className }}>
      <select id={ids.id} value={value} {...aria} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}

/** An amount typed in major units: the label names the currency, the empty field shows 0. */
export function MoneyField({
  currency,
  label,
  placeholder = '0',
  ...rest
}: Omit<Parameters<typeof TextField>[0], 'type' | 'inputMode'> & { currency: string }) {
  return <TextField {...rest} label={`${label} (${currency})`} inputMode="decimal" placeholder={placeholder} />;
}
