import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-switch__button"
          aria-pressed={current === lng}
          title={t(`language.${lng}`)}
          onClick={() => void setLanguage(lng).catch(() => undefined)}
        >
          {lng.toUpperCase()}
          <span className="visually-hidden"> ({t(`language.${lng}`)})</span>
        </button>
      ))}
    </div>
  );
}
