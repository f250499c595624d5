import type { AuthoringQuestion } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { addQuestion, deleteQuestion, updateQuestion, type QuestionInput } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { QuestionForm } from './QuestionForm';

/** Edits a question, or adds one to `quizId` when `question` is absent. */
export function QuestionEditor({
  courseId,
  quizId,
  question,
  onDone,
}: {
  courseId: string;
  quizId: string;
  question?: AuthoringQuestion;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const save = useDraftMutation(courseId, (input: QuestionInput) =>
    question ? updateQuestion(question.id, input) : addQuestion(quizId, input),
  );
  const remove = useDraftMutation(courseId, () => deleteQuestion(question?.id ?? ''));

  return (
    <QuestionForm
      prefix={`question-${question?.id ?? `new-${quizId}`}`}
      question={question}
      pending={save.isPending || remove.isPending}
      error={save.error ?? remove.error}
      saved={save.isSuccess && !!question}
      submitLabel={question ? t('authoring.saveQuestion') : t('authoring.addQuestion')}
      onSave={(input) => save.mutate(input, { onSuccess: () => onDone?.() })}
      onDelete={
        question
          ? () => window.confirm(t('authoring.confirmDeleteQuestion')) && remove.mutate(undefined)
          : undefined
      }
      onCancel={onDone && !question ? onDone : undefined}
    />
  );
}
