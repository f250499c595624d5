import type { PublicSigningKey } from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { rotateSigningKey } from './signing-keys-api';

/** "Đổi khóa ký": asked once more, since every certificate from now on uses the new key. */
export function RotateKeyDialog({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (key: PublicSigningKey) => void;
}) {
  const { t } = useTranslation();
  const rotate = useMutation({ mutationFn: rotateSigningKey, onSuccess: onDone });
  return (
    <DialogForm
      open
      title={t('signingKeys.rotate.title')}
      intro={t('signingKeys.rotate.intro')}
      confirmLabel={t('signingKeys.rotate.confirm')}
      confirmClassName="button--primary"
      pending={rotate.isPending}
      error={rotate.error}
      onSubmit={() => rotate.mutate()}
      onClose={onClose}
    >
      <p className="muted">{t('signingKeys.rotate.earlier')}</p>
    </DialogForm>
  );
}
