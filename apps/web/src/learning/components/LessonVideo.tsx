import { useTranslation } from 'react-i18next';
import { videoDisplay } from '../video-url';

export function LessonVideo({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const video = videoDisplay(url);
  if (video.kind === 'text') {
    return <p className="muted">{t('lesson.videoUnavailable', { url: video.text })}</p>;
  }
  return (
    <div className="lesson-video">
      {video.kind === 'iframe' && (
        <div className="lesson-video__frame">
          <iframe
            src={video.src}
            title={t('lesson.videoTitle', { title })}
            loading="lazy"
            referrerPolicy="strict-origin-when-cross-origin"
            sandbox="allow-scripts allow-same-origin allow-presentation"
            allow="encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
          />
        </div>
      )}
      <p>
        <a href={video.href} target="_blank" rel="noopener noreferrer">
          {t('lesson.openVideo')}
        </a>
      </p>
    </div>
  );
}
