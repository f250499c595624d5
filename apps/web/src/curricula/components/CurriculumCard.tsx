import type { MyCurriculum } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CurriculumHours } from './CurriculumHours';

export function CurriculumCard({ curriculum }: { curriculum: MyCurriculum }) {
  const { t } = useTranslation();
  const { progress } = curriculum;
  return (
    <li className="card">
      <h3>
        <Link to={`/curricula/${encodeURIComponent(curriculum.id)}`}>{curriculum.title}</Link>
      </h3>
      {curriculum.audience && <p className="muted">{curriculum.audience}</p>}
      <CurriculumHours progress={progress} />
      <p className="muted">
        {t('curricula.coursesDone', {
          done: progress.coursesCompleted,
          total: progress.coursesTotal,
        })}
      </p>
      {progress.completed && <p className="tag tag--success">{t('curricula.completed')}</p>}
    </li>
  );
}
