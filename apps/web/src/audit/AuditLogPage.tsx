import { AUDIT_ACTIONS, type AuditLogEntryResponse } from '@dx/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../app/FormError';
import { InputField, SelectField } from '../app/FormField';
import { Pagination } from '../app/Pagination';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDateTime } from '../i18n/format';
import { AUDIT_PAGE_SIZE, fetchAuditLog, NO_AUDIT_FILTERS, type AuditFilters } from './api';
import './audit.css';

const TARGET_TYPES = [
  'user',
  'org_unit',
  'course',
  'curriculum',
  'certificate',
  'requirement',
  'training_record',
  'signing_key',
  'client_address',
] as const;

/** An action's name in the reader's language; an action added later shows as its code. */
function useActionText() {
  const { t } = useTranslation();
  return (action: string) =>
    t(`auditLog.actions.${action.replace('.', '_')}`, { defaultValue: action });
}

function AuditEntryRow({
  entry,
  onActor,
}: {
  entry: AuditLogEntryResponse;
  onActor: (actorId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const actionText = useActionText();
  const details = Object.keys(entry.details).length > 0;
  return (
    <tr>
      <td>{formatDateTime(entry.at, i18n.language)}</td>
      <td>
        {entry.actorId ? (
          <button
            type="button"
            className="link-button"
            aria-label={t('auditLog.byActor', { actor: entry.actorUsername ?? entry.actorId })}
            onClick={() => onActor(entry.actorId as string)}
          >
            {entry.actorUsername ?? entry.actorId}
          </button>
        ) : (
          <span className="muted">{t('auditLog.system')}</span>
        )}
      </td>
      <td>{actionText(entry.action)}</td>
      <td>
        {entry.targetType &&
          t(`auditLog.targets.${entry.targetType}`, { defaultValue: entry.targetType })}
        {entry.targetId && <span className="mono muted audit-id"> {entry.targetId}</span>}
      </td>
      <td className="mono">{entry.ip ?? ''}</td>
      <td>
        {details && (
          <details>
            <summary>{t('auditLog.showDetails')}</summary>
            <pre className="audit-details">{JSON.stringify(entry.details, null, 2)}</pre>
          </details>
        )}
      </td>
    </tr>
  );
}

/** Sysadmins: who did what to whom, when and from where, newest first, with filters. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auditLog.title'));
  const actionText = useActionText();
  // The form's values, and the filters applied (on "Lọc"), so typing does not fetch.
  const [draft, setDraft] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['audit-log', filters, page],
    queryFn: ({ signal }) => fetchAuditLog(filters, page, signal),
    placeholderData: keepPreviousData,
  });
  const set = (field: keyof AuditFilters) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  function apply(next: AuditFilters) {
    setDraft(next);
    setFilters(next);
    setPage(1);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  return (
    <section className="card" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('auditLog.title')}</h1>
      <p className="muted">{t('auditLog.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-label={t('auditLog.filters')}>
        <div className="form-row">
          <SelectField
            id="audit-action"
            label={t('auditLog.action')}
            value={draft.action}
            onValue={set('action')}
            options={
              <>
                <option value="">{t('auditLog.anyAction')}</option>
                {AUDIT_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {actionText(a)}
                  </option>
                ))}
              </>
            }
          />
          <SelectField
            id="audit-target"
            label={t('auditLog.targetType')}
            short
            value={draft.targetType}
            onValue={set('targetType')}
            options={
              <>
                <option value="">{t('auditLog.anyTarget')}</option>
                {TARGET_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`auditLog.targets.${type}`)}
                  </option>
                ))}
              </>
            }
          />
          <InputField
            id="audit-from"
            label={t('auditLog.from')}
            short
            type="date"
            value={draft.from}
            onValue={set('from')}
          />
          <InputField
            id="audit-to"
            label={t('auditLog.to')}
            short
            type="date"
            value={draft.to}
            onValue={set('to')}
          />
        </div>
        {filters.actorId && (
          <p>
            {t('auditLog.actorFilter')}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => apply({ ...draft, actorId: '' })}
            >
              {t('auditLog.clearActor')}
            </button>
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t('auditLog.apply')}
          </button>
          <button type="button" className="button" onClick={() => apply(NO_AUDIT_FILTERS)}>
            {t('auditLog.reset')}
          </button>
        </div>
      </form>
      {log.isError && <FormError error={log.error} />}
      {log.isPending ? (
        <div className="skeleton audit-skeleton" role="status" aria-label={t('common.loading')} />
      ) : log.data && log.data.items.length === 0 ? (
        <p>{t('auditLog.none')}</p>
      ) : (
        log.data && (
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('auditLog.tableLabel')}
            aria-busy={log.isFetching}
          >
            <table className="table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('auditLog.at')}</th>
                  <th scope="col">{t('auditLog.actor')}</th>
                  <th scope="col">{t('auditLog.action')}</th>
                  <th scope="col">{t('auditLog.target')}</th>
                  <th scope="col">{t('auditLog.ip')}</th>
                  <th scope="col">{t('auditLog.details')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((entry) => (
                  <AuditEntryRow
                    key={entry.id}
                    entry={entry}
                    onActor={(actorId) => apply({ ...draft, actorId })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      {log.data && (
        <Pagination
          page={page}
          pageSize={log.data.pageSize ?? AUDIT_PAGE_SIZE}
          total={log.data.total}
          onPage={setPage}
        />
      )}
    </section>
  );
}
