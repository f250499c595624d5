import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export function CertificateLookupForm({ initialSerial = '' }: { initialSerial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [serial, setSerial] = useState(initialSerial);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = serial.trim();
    if (value) navigate(`/verify/${encodeURIComponent(value)}`);
  }

  return (
    <form className="form form--inline" onSubmit={onSubmit} role="search">
      <div className="field">
        <label htmlFor="verify-serial">{t('verify.lookupLabel')}</label>
        <input
          id="verify-serial"
          name="serial"
          type="text"
          autoCapitalize="characters"
          spellCheck={false}
          required
          value={serial}
          onChange={(e) => setSerial(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary">
        {t('verify.lookupSubmit')}
      </button>
    </form>
  );
}
