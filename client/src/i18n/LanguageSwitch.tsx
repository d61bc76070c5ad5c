/** The language picker: each language named in itself; the choice is remembered for the person. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../../shared/languages.ts';
import { useStore } from '../store/index.ts';
import { currentLanguage } from './locale.ts';
import { chooseLanguage } from './preference.ts';
import './languageSwitch.css';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const signedIn = useStore((state) => state.principal !== null);
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('language')}
      </label>
      <select
        id={id}
        className="language-switch__select"
        data-testid="language-switch"
        value={currentLanguage()}
        onChange={(event) => {
          const language = event.target.value;
          // A failed save still leaves the page in the chosen language; the next sign-in retries.
          if (isLanguage(language)) void chooseLanguage(language, signedIn).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
