import type { TrainingRecord, UserResponse } from '@dx/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../api/error-text';
import { FormError } from '../app/FormError';
import { InputField } from '../app/FormField';
import { PageError } from '../app/PageStatus';
import { useDebouncedValue } from '../app/useDebouncedValue';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDate, formatNumber } from '../i18n/format';
import {
  createTrainingRecord,
  deleteTrainingRecord,
  fetchTrainingRecords,
  saveRecordThenEvidence,
  searchPeople,
  trainingRecordKeys,
  updateTrainingRecord,
  type TrainingRecordInput,
} from '../requirements/admin-api';
import { EvidenceLink } from './EvidenceLink';
import { TrainingRecordForm } from './TrainingRecordForm';

interface RecordSave {
  input: TrainingRecordInput;
  evidence: File | null;
}

function RecordRow({ record, userId }: { record: TrainingRecord; userId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingRecordKeys.of(userId) });
  const save = useMutation({
    mutationFn: ({ input, evidence }: RecordSave) =>
      saveRecordThenEvidence(() => updateTrainingRecord(record.id, input), evidence),
    onSuccess: async ({ evidenceError }) => {
      await refresh();
      // A refused file keeps the form open, its refusal under the file field.
      if (!evidenceError) setEditing(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteTrainingRecord(record.id),
    onSuccess: refresh,
  });
  if (editing) {
    return (
      <tr>
        <td colSpan={6}>
          <TrainingRecordForm
            idPrefix={`record-${record.id}`}
            record={record}
            pending={save.isPending}
            error={save.error ?? save.data?.evidenceError}
            submitLabel={t('trainingRecords.save')}
            onSubmit={(input, evidence) => save.mutate({ input, evidence })}
            onCancel={() => setEditing(false)}
          />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>{record.title}</td>
      <td>{record.provider}</td>
      <td>{formatNumber(record.hours, i18n.language)}</td>
      <td>{formatDate(record.completedOn, i18n.language)}</td>
      <td>{record.hasEvidence && <EvidenceLink record={record} onRemoved={refresh} />}</td>
      <td>
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            aria-label={t('trainingRecords.editOf', { title: record.title })}
            onClick={() => setEditing(true)}
          >
            {t('trainingRecords.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            aria-label={t('trainingRecords.deleteOf', { title: record.title })}
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('trainingRecords.confirmDelete', { title: record.title })))
                remove.mutate();
            }}
          >
            {t('trainingRecords.delete')}
          </button>
        </div>
        <FormError error={remove.error} />
      </td>
    </tr>
  );
}

/** One person's recorded trainings, with a form to add one. */
function PersonRecords({ person }: { person: UserResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const records = useQuery({
    queryKey: trainingRecordKeys.of(person.id),
    queryFn: ({ signal }) => fetchTrainingRecords(person.id, signal),
  });
  const create = useMutation({
    mutationFn: ({ input, evidence }: RecordSave) =>
      saveRecordThenEvidence(() => createTrainingRecord({ ...input, userId: person.id }), evidence),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingRecordKeys.of(person.id) });
      setFormKey((k) => k + 1);
    },
  });
  return (
    <section className="card" aria-labelledby="person-records-title">
      <h2 id="person-records-title">
        {t('trainingRecords.of', { name: person.fullName })}{' '}
        <span className="mono muted">{person.username}</span>
      </h2>
      {records.isPending ? (
        <div className="skeleton skeleton--lines" role="status" aria-label={t('common.loading')} />
      ) : records.isError ? (
        <PageError error={records.error} onRetry={() => void records.refetch()} />
      ) : records.data.length === 0 ? (
        <p>{t('trainingRecords.none')}</p>
      ) : (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby="person-records-title"
        >
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('trainingRecords.titleField')}</th>
                <th scope="col">{t('trainingRecords.provider')}</th>
                <th scope="col">{t('trainingRecords.hours')}</th>
                <th scope="col">{t('trainingRecords.completedOn')}</th>
                <th scope="col">{t('trainingRecords.evidence')}</th>
                <th scope="col">{t('trainingRecords.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {records.data.map((r) => (
                <RecordRow key={r.id} record={r} userId={person.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('trainingRecords.addTitle')}</h3>
      <TrainingRecordForm
        key={formKey}
        idPrefix="record-new"
        pending={create.isPending}
        error={create.error}
        submitLabel={t('trainingRecords.add')}
        onSubmit={(input, evidence) => create.mutate({ input, evidence })}
      />
      {create.isSuccess && (
        <p role="status" className="alert alert--success">
          {t('trainingRecords.added')}
        </p>
      )}
      {create.data?.evidenceError != null && (
        // The record is saved (the form is empty again): the file can be added by editing it.
        <p role="alert" className="alert alert--error">
          {t('trainingRecords.evidenceUploadFailed')}{' '}
          {fieldErrorTexts(t, create.data.evidenceError).file}
        </p>
      )}
    </section>
  );
}

/**
 * HR (in scope) and sysadmins: training done outside the platform (classes, other
 * platforms). It counts toward a person's hours and "trained" like a course, is audited,
 * and can be corrected or removed here.
 */
export default function TrainingRecordsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('trainingRecords.title'));
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 300);
  const [person, setPerson] = useState<UserResponse | null>(null);
  const people = useQuery({
    queryKey: trainingRecordKeys.people(query),
    queryFn: ({ signal }) => searchPeople(query, signal),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <section className="card" aria-labelledby="training-records-title">
        <h1 id="training-records-title">{t('trainingRecords.title')}</h1>
        <p className="muted">{t('trainingRecords.intro')}</p>
        <InputField
          id="training-records-search"
          label={t('trainingRecords.search')}
          type="search"
          value={q}
          onValue={setQ}
          autoComplete="off"
          hint={t('trainingRecords.searchHint')}
        />
        {people.isError && <PageError error={people.error} onRetry={() => void people.refetch()} />}
        {query.length >= 2 && people.data && (
          <ul className="plain-list" aria-busy={people.isFetching}>
            {people.data.items.length === 0 && (
              <li className="muted">{t('trainingRecords.noMatch')}</li>
            )}
            {people.data.items.map((p) => (
              <li key={p.id} className="curriculum-courses__item">
                <span>
                  {p.fullName} <span className="mono muted">{p.username}</span>
                </span>
                <button
                  type="button"
                  className="button button--small"
                  aria-pressed={person?.id === p.id}
                  aria-label={t('trainingRecords.chooseNamed', { name: p.fullName })}
                  onClick={() => setPerson(p)}
                >
                  {t('trainingRecords.choose')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {person && <PersonRecords key={person.id} person={person} />}
    </>
  );
}
