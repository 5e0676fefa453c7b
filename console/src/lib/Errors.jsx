import { useT } from './i18n/i18n.js';

/** A payload error next to the field it names. */
export function FieldError({ errors, field }) {
  const message = errors?.[field];
  return message ? <span className="field-error" role="alert">{message}</span> : null;
}

/** Payload errors that name no field, and top-level errors. */
export function GeneralErrors({ general }) {
  return general?.length ? <div className="errors" role="alert">{general.map((m) => <p key={m}>{m}</p>)}</div> : null;
}

export function Loading({ when }) {
  const t = useT();
  return when ? <span className="loading" role="progressbar" aria-label={t('loading')}>{t('loading')}</span> : null;
}
