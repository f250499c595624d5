import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { courseKeys } from '../../courses/api';
import { enrollmentKeys } from '../../learning/api';
import {
  quizKeys,
  saveAnswers,
  startAttempt,
  submitAttempt,
  toAnswerMap,
  type AnswerValue,
  type AttemptAnswers,
  type AttemptQuestion,
} from '../api';
import { readStoredAttempt, writeStoredAttempt } from '../attempt-storage';
import { serverOffsetMs } from '../quiz-clock';

const SAVE_DEBOUNCE_MS = 800;

/**
 * Starts the attempt — or gets the open one back, which is what a reload does — and keeps
 * the offset between the server's clock and ours.
 */
export function useStartAttempt(quizId: string) {
  return useQuery({
    queryKey: quizKeys.start(quizId),
    queryFn: async () => {
      const response = await startAttempt(quizId);
      const offsetMs = serverOffsetMs(response.serverDate, response.sentAt, response.receivedAt);
      return { ...response.data, savedAnswers: toAnswerMap(response.data.answers), offsetMs };
    },
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnReconnect: false,
  });
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Answers of one attempt: in state, in sessionStorage at once, on the server debounced.
 * On a reload this tab's copy wins (it may hold a choice not yet saved), else the server's.
 */
export function useAttemptAnswers(
  attemptId: string,
  quizId: string,
  courseId: string | null,
  questions: AttemptQuestion[],
  savedAnswers: AttemptAnswers,
) {
  const [answers, setAnswers] = useState<AttemptAnswers>(() => {
    const local = readStoredAttempt(attemptId)?.answers;
    return local && Object.keys(local).length > 0 ? local : savedAnswers;
  });
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const answersRef = useRef(answers);
  const pending = useRef<AttemptAnswers | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    writeStoredAttempt(attemptId, { quizId, courseId, questions, answers: answersRef.current });
  }, [attemptId, quizId, courseId, questions]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const toSave = pending.current;
    if (!toSave) return;
    pending.current = null;
    setSaveState('saving');
    try {
      await saveAnswers(attemptId, toSave);
      setSaveState(pending.current ? 'saving' : 'saved');
    } catch {
      pending.current ??= toSave;
      setSaveState('error');
    }
  }, [attemptId]);

  const choose = useCallback(
    (questionId: string, value: AnswerValue) => {
      const next = { ...answersRef.current, [questionId]: value };
      answersRef.current = next;
      setAnswers(next);
      writeStoredAttempt(attemptId, { quizId, answers: next });
      pending.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DEBOUNCE_MS);
    },
    [attemptId, quizId, flush],
  );

  // Leaving the page: send what is still waiting.
  useEffect(() => () => void flush(), [flush]);

  /** Stops pending saves; submit sends the answers itself. */
  const cancelSaves = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
  }, []);

  return { answers, answersRef, choose, saveState, cancelSaves };
}

export function useSubmitAttempt(attemptId: string, quizId: string, courseId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: AttemptAnswers) => submitAttempt(attemptId, answers),
    onSuccess: (result, answers) => {
      writeStoredAttempt(attemptId, { quizId, answers, result });
      void queryClient.invalidateQueries({ queryKey: quizKeys.history(quizId) });
      void queryClient.invalidateQueries({ queryKey: enrollmentKeys.all });
      if (courseId) void queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) });
    },
  });
}
