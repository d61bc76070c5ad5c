/**
 * Development sign-in: a name and a role stand in for accounts until they arrive. The last name
 * used on this device is remembered, so an analyst signs in with one keystroke.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ROLES, type Role } from '../../../../shared/roles.ts';
import { ApiError } from '../../api/http.ts';
import { signIn } from '../../api/session.ts';
import { Field } from '../../components/Field.tsx';
import { errorText } from '../../i18n/errorText.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { useStore } from '../../store/index.ts';
import { resetProvider } from '../../yjs/connection.ts';
import './signin.css';

const LAST_NAME_KEY = 'statroom.lastName';

function rememberedName(): string {
  try {
    return localStorage.getItem(LAST_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Only same-site paths: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation(['signin', 'common']);
  const [name, setName] = useState(rememberedName);
  const [role, setRole] = useState<Role>('analyst');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setPrincipal = useStore((state) => state.setPrincipal);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('nameRequired'));
      return;
    }
    setBusy(true);
    try {
      const principal = await signIn(name.trim(), role);
      try {
        localStorage.setItem(LAST_NAME_KEY, principal.name);
      } catch {
        // Private windows may refuse storage; remembering the name is a convenience only.
      }
      // A connection opened under another person must not carry on under this one.
      resetProvider();
      setPrincipal(principal);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? errorText(caught) : t('failed'));
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="main">
      <div className="signin__panel">
        <div className="signin__brand">
          <span className="brand__mark" aria-hidden="true" />
          StatRoom
          <LanguageSwitch />
        </div>
        <h1 className="signin__title">{t('title')}</h1>
        <p className="signin__lead">{t('lead')}</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          <Field label={t('name')} error={error}>
            <input
              className="input"
              name="name"
              autoComplete="name"
              value={name}
              maxLength={120}
              onChange={(event) => {
                setName(event.target.value);
                setError(null);
              }}
            />
          </Field>
          <fieldset className="choice">
            <legend className="field__label">{t('role')}</legend>
            {ROLES.map((option) => (
              <label key={option} className={`choice__option ${role === option ? 'is-checked' : ''}`}>
                <input
                  type="radio"
                  name="role"
                  value={option}
                  checked={role === option}
                  onChange={() => setRole(option)}
                />
                <span>
                  <span className="choice__title">{t(`common:role.${option}`)}</span>
                  <span className="choice__hint">{t(`hint.${option}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button className="button button--primary button--block" type="submit" disabled={busy}>
            {busy ? t('signingIn') : t('submit')}
          </button>
        </form>
        <p className="signin__note">{t('devNote')}</p>
      </div>
    </main>
  );
}
