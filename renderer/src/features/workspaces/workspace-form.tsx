/** The fields of a new workspace (first run "Start empty" and "New workspace…"), with validation. */
import { SelectField, TextField } from '../../components/field';
import { MONTH_NAMES } from '../../components/labels';
import type { NewWorkspaceInput } from '../../db/repos/workspaces';
import { safeLocale } from '../../lib/format';

export type WorkspaceFormValues = {
  name: string;
  currency: string;
  locale: string;
  fiscalYearStartMonth: string;
  partnerName: string;
};

export type WorkspaceFormErrors = Partial<Record<keyof WorkspaceFormValues, string>>;

export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'JPY',
  'NZD',
  'SGD',
  'INR',
  'ZAR',
];

/** Sensible defaults from the browser's language. */
export function defaultWorkspaceValues(
  lang = typeof navigator !== 'undefined' ? navigator.language : 'en-US',
): WorkspaceFormValues {
  const locale = safeLocale(lang || 'en-US');
  const region = locale.split('-')[1] ?? 'US';
  const byRegion: Record<string, string> = {
    GB: 'GBP',
    CA: 'CAD',
    AU: 'AUD',
    CH: 'CHF',
    SE: 'SEK',
    NO: 'NOK',
    DK: 'DKK',
    JP: 'JPY',
    NZ: 'NZD',
    SG: 'SGD',
    IN: 'INR',
    ZA: 'ZAR',
    US: 'USD',
  };
  const euro = ['DE', 'FR', 'NL', 'BE', 'IE', 'ES', 'IT', 'AT', 'FI', 'PT', 'LU'];
  const currency = euro.includes(region) ? 'EUR' : (byRegion[region] ?? 'USD');
  return { name: '', currency, locale, fiscalYearStartMonth: '1', partnerName: '' };
}

/** Check the values; empty object = valid. */
export function validateWorkspaceValues(v: WorkspaceFormValues): WorkspaceFormErrors {
  const e: WorkspaceFormErrors = {};
  if (!v.name.trim()) e.name = 'Enter the organisation name.';
  else if (v.name.trim().length > 500) e.name = 'Keep the name under 500 characters.';
  if (!/^[A-Z]{3}$/.test(v.currency.trim().toUpperCase())) e.currency = 'Use a three-letter ISO 4217 code such as USD.';
  try {
    if (!v.locale.trim() || Intl.getCanonicalLocales(v.locale.trim()).length !== 1) throw new Error('bad');
  } catch {
    e.locale = 'Use a language tag such as en-US or de-DE.';
  }
  const m = Number(v.fiscalYearStartMonth);
  if (!Number.isInteger(m) || m < 1 || m > 12) e.fiscalYearStartMonth = 'Choose the month the fiscal year starts.';
  if (v.partnerName.length > 500) e.partnerName = 'Keep the partner name under 500 characters.';
  return e;
}

/** Form values → repo input. */
export function toWorkspaceInput(v: WorkspaceFormValues): NewWorkspaceInput {
  return {
    name: v.name.trim(),
    currency: v.currency.trim().toUpperCase(),
    locale: v.locale.trim(),
    fiscalYearStartMonth: Number(v.fiscalYearStartMonth),
    partnerName: v.partnerName.trim(),
  };
}

export const MONTH_OPTIONS = MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m }));

/** The fields; the caller owns the <form> and its buttons. */
export function WorkspaceFields({
  values,
  errors,
  onChange,
  autoFocus,
}: {
  values: WorkspaceFormValues;
  errors: WorkspaceFormErrors;
  onChange: (v: WorkspaceFormValues) => void;
  autoFocus?: boolean;
}) {
  const set = (patch: Partial<WorkspaceFormValues>) => onChange({ ...values, ...patch });
  return (
    <div className="form-grid">
      <TextField
        className="span-2"
        label="Organisation name"
        value={values.name}
        onChange={(name) => set({ name })}
        error={errors.name}
        required
        autoFocus={autoFocus}
        maxLength={500}
      />
      <SelectField
        label="Currency"
        value={CURRENCIES.includes(values.currency) ? values.currency : 'USD'}
        onChange={(currency) => set({ currency })}
        options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        error={errors.currency}
      />
      <TextField
        label="Locale"
        value={values.locale}
        onChange={(locale) => set({ locale })}
        error={errors.locale}
        hint="Formats numbers and dates, e.g. en-US, en-GB, de-DE."
      />
      <SelectField
        label="Fiscal year starts in"
        value={values.fiscalYearStartMonth}
        onChange={(fiscalYearStartMonth) => set({ fiscalYearStartMonth })}
        options={MONTH_OPTIONS}
        error={errors.fiscalYearStartMonth}
      />
      <TextField
        label="Partner name (optional)"
        value={values.partnerName}
        onChange={(partnerName) => set({ partnerName })}
        error={errors.partnerName}
        hint="Your managed service provider."
        maxLength={500}
      />
    </div>
  );
}
