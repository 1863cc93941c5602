import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from './api';
import { type Key, useI18n } from './i18n';
import type { Letter } from './types';

export const KINDS = ['EXTERNAL', 'INTERNAL', 'STAMPED', 'ORDER', 'REGULATION', 'BYLAW', 'ANNOUNCEMENT', 'STATEMENT',
  'NEWS', 'CERTIFICATE', 'MINUTES', 'MEMO'];
export const URGENCIES = ['NORMAL', 'URGENT', 'VERY_URGENT', 'MOST_URGENT'];
export const SECRECIES = ['NONE', 'SECRET', 'VERY_SECRET', 'MOST_SECRET'];

/**
 * A date field: the browser's own picker, whose digits, order and era follow the browser's locale (often
 * mm/dd/yyyy in the Common Era), and beside it the chosen date as a Thai reader reads it, with the Buddhist-Era
 * year ("๒๓ พฤศจิกายน ๒๕๖๙"; in English, "23 November 2026"). The value stays an ISO date.
 */
export function DateInput({ id, name, value, onInput, invalid }: {
  id?: string; name?: string; value: string; onInput: (value: string) => void; invalid?: boolean;
}) {
  const { date } = useI18n();
  const shown = id ?? (name ? `date-${name}` : undefined);
  return (
    <span class="date-input">
      <input id={id} name={name} type="date" value={value} aria-invalid={invalid ? true : undefined}
        aria-describedby={value && shown ? `${shown}-read` : undefined} onInput={(ev) => onInput(ev.currentTarget.value)} />
      {value ? <span class="date-read" id={shown ? `${shown}-read` : undefined}>{date(value)}</span> : null}
    </span>
  );
}

/** A choice among an API enumeration, each value in the reader's language; `none` adds an empty first choice. */
export function EnumSelect({ id, values, value, onChange, none, label }: {
  id?: string; values: string[]; value: string; onChange: (v: string) => void; none?: string; label?: string;
}) {
  const { e } = useI18n();
  return (
    <select id={id} name={id} aria-label={label} value={value} onChange={(ev) => onChange(ev.currentTarget.value)}>
      {none !== undefined ? <option value="">{none}</option> : null}
      {values.map((x) => <option key={x} value={x}>{e(x)}</option>)}
    </select>
  );
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const { e } = useI18n();
  if (!urgency || urgency === 'NORMAL') return null;
  return <span class={`badge urgency urgency-${urgency.toLowerCase()}`} data-urgency={urgency}>{e(urgency)}</span>;
}

export function SecrecyBadge({ secrecy }: { secrecy: string }) {
  const { e } = useI18n();
  if (!secrecy || secrecy === 'NONE') return null;
  return <span class="badge secrecy" data-secrecy={secrecy}>{e(secrecy)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { e } = useI18n();
  return <span class={`badge status status-${status.toLowerCase()}`} data-status={status}>{e(status)}</span>;
}

/** A server reason in the reader's language: the common ones translated, the rest as the API said. */
export function useReason(): (reason: string | undefined) => string | undefined {
  const { t, lang } = useI18n();
  return (reason) => {
    if (!reason) return undefined;
    if (lang === 'th' && reason.startsWith('required')) return t('err.required');
    return reason;
  };
}

interface FieldProps {
  id: string;
  label: Key;
  error?: ApiError | null;
  /** The API's name of the field, when it differs from the id. */
  name?: string;
  required?: boolean;
  hint?: Key;
  children: ComponentChildren;
  wide?: boolean;
}

/** A labelled control with the API's error for that field shown right under it. */
export function Field({ id, label, error, name, required, hint, children, wide }: FieldProps) {
  const { t } = useI18n();
  const reason = useReason()(error?.forField(name ?? id));
  return (
    <div class={`field${reason ? ' invalid' : ''}${wide ? ' wide' : ''}`} data-field={name ?? id}>
      <label for={id}>
        {t(label)}
        {required ? <span class="req" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? <small class="hint">{t(hint)}</small> : null}
      {reason ? (
        <p class="field-error" id={`${id}-error`} role="alert">
          {reason}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A refusal that names no field, or names fields the form does not show. With {@code detail}, the server's
 * code and reason are shown as well, for screens whose endpoints may not be there yet (meetings).
 */
export function ErrorBanner({ error, shown = [], detail }: { error: ApiError | null; shown?: string[]; detail?: boolean }) {
  const { t } = useI18n();
  const reason = useReason();
  if (!error) return null;
  const general = detail && error.status === 404 ? t('err.notFoundAny') : messageFor(error, t);
  const unshown = error.errors.filter((f) => !shown.some((s) => f.field === s || f.field.startsWith(`${s}[`) || f.field.startsWith(`${s}.`)));
  return (
    <div class="banner error" role="alert" data-code={error.code}>
      <strong>{general}</strong>
      {detail && error.status !== 0 ? <small class="problem-code"> ({error.status} {error.code}: {error.detail})</small> : null}
      {unshown.length ? (
        <ul>
          {unshown.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {reason(f.reason)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function messageFor(error: ApiError, t: (k: Key) => string): string {
  switch (error.status) {
    case 0: return t('err.network');
    case 403: return t('err.forbidden');
    case 404: return t('err.notFound');
    case 409:
    case 412: return error.code === 'VERSION_MISMATCH' || error.status === 412 ? t('err.conflict') : `${t('err.generic')}: ${error.detail}`;
    case 422: return error.errors.length ? t('compose.refused') : `${t('err.generic')}: ${error.detail}`;
    default: return `${t('err.generic')}: ${error.detail}`;
  }
}

export function Loading() {
  const { t } = useI18n();
  return <p class="loading" aria-busy="true">{t('common.loading')}</p>;
}

/** Whether editing the letter now undoes its approval (the author may edit until it is dispatched). */
export function approvedUnsent(letter: Letter): boolean {
  return letter.direction === 'OUTGOING' && (letter.status === 'APPROVED' || letter.status === 'SIGNED');
}

/** What an edit after approval undoes: the approval, the signatures, and a number issued at approval. */
export function EditAfterApprovalWarning({ letter }: { letter: Letter }) {
  const { t, id } = useI18n();
  return (
    <p class="banner warn" role="note" data-testid="edit-after-approval">
      {letter.number ? t('edit.afterApprovalNumbered', { n: id(letter.number) }) : t('edit.afterApproval')}
    </p>
  );
}

/** Runs an action and keeps its refusal beside it. */
export function useAction(): [ApiError | null, boolean, (f: () => Promise<unknown>) => Promise<void>] {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'ERROR', String(err)));
    } finally {
      setBusy(false);
    }
  };
  return [error, busy, run];
}

