import type { AuthoringLesson } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { LessonVideo } from '../learning/components/LessonVideo';
import { previewMarkdown } from './api';
import { useCourseDraft } from './hooks/useCourseDraft';

/** A reading lesson's Markdown, rendered by the server as learners will get it. */
function PreviewText({ content }: { content: string }) {
  const { t } = useTranslation();
  const html = useQuery({
    queryKey: ['authoring', 'markdown-preview', content],
    queryFn: () => previewMarkdown(content),
  });
  if (html.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (html.isError) return <PageError error={html.error} />;
  // Sanitised by the server, exactly as LessonContent.contentHtml.
  return <div className="lesson-content" dangerouslySetInnerHTML={{ __html: html.data.html }} />;
}

function PreviewLesson({ lesson }: { lesson: AuthoringLesson }) {
  const { t } = useTranslation();
  return (
    <article className="card" aria-labelledby="preview-lesson-title">
      <h2 id="preview-lesson-title">{lesson.title}</h2>
      <p className="muted">{t('course.minutes', { minutes: lesson.durationMinutes })}</p>
      {lesson.kind === 'text' && lesson.content && <PreviewText content={lesson.content} />}
      {lesson.kind === 'video' && lesson.videoUrl && (
        <LessonVideo url={lesson.videoUrl} title={lesson.title} />
      )}
      {lesson.kind === 'file' && (
        <p>
          {lesson.hasFile
            ? t('authoring.currentFile', { name: lesson.fileName ?? '' })
            : t('authoring.noFile')}
        </p>
      )}
    </article>
  );
}

/** The draft as a learner will see it after publishing: outline, then one lesson at a time. */
export default function CoursePreviewPage() {
  const { t } = useTranslation();
  const courseId = useParams().courseId ?? '';
  const draft = useCourseDraft(courseId);
  const [lessonId, setLessonId] = useState<string | null>(null);
  useDocumentTitle(t('authoring.previewTitle', { title: draft.data?.title ?? '' }));

  if (draft.isPending) return <PageLoading />;
  if (draft.isError) return <PageError error={draft.error} onRetry={() => void draft.refetch()} />;
  const data = draft.data;
  const modules = [...data.modules].sort((a, b) => a.position - b.position);
  const lessons = modules.flatMap((m) => [...m.lessons].sort((a, b) => a.position - b.position));
  const current = lessons.find((l) => l.id === lessonId) ?? lessons[0];

  return (
    <>
      <p>
        <Link to={`/authoring/courses/${encodeURIComponent(data.id)}`}>
          ← {t('authoring.backToEditor')}
        </Link>
      </p>
      <p className="alert alert--info">
        {t('authoring.previewNote', { version: data.versionNumber })}
      </p>
      <h1>{data.title}</h1>
      {data.description && <p>{data.description}</p>}
      <div className="lesson-layout">
        <nav className="lesson-sidebar" aria-label={t('lesson.sidebar')}>
          <ol>
            {modules.map((m) => (
              <li key={m.id}>
                <span className="lesson-sidebar__module">{m.title}</span>
                <ol>
                  {[...m.lessons]
                    .sort((a, b) => a.position - b.position)
                    .map((l) => (
                      <li key={l.id}>
                        <button
                          type="button"
                          className="link-button"
                          aria-current={l.id === current?.id ? 'page' : undefined}
                          onClick={() => setLessonId(l.id)}
                        >
                          {l.title}
                        </button>
                      </li>
                    ))}
                </ol>
              </li>
            ))}
          </ol>
        </nav>
        <div className="lesson-main">
          {current ? <PreviewLesson lesson={current} /> : <p>{t('authoring.noLessons')}</p>}
        </div>
      </div>
    </>
  );
}
