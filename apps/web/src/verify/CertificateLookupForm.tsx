import { normalizeSerial } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { InputField } from '../app/FormField';

export function CertificateLookupForm({ initialSerial = '' }: { initialSerial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [serial, setSerial] = useState(initialSerial);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = normalizeSerial(serial);
    if (value) navigate(`/verify/${encodeURIComponent(value)}`);
  }

  return (
    <form className="form form--inline" onSubmit={onSubmit} role="search">
      <InputField
        id="verify-serial"
        label={t('verify.lookupLabel')}
        name="serial"
        autoCapitalize="characters"
        spellCheck={false}
        required
        value={serial}
        onValue={setSerial}
      />
      <button type="submit" className="button button--primary">
        {t('verify.lookupSubmit')}
      </button>
    </form>
  );
}
