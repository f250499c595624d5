import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchOrgUnit, type CatalogCourse } from '../api';

/** "Đơn vị: …" — the API's name if it sent one, else looked up (once per unit). */
export function CourseOwner({ course }: { course: CatalogCourse }) {
  const { t } = useTranslation();
  const given = course.ownerOrgUnitName ?? null;
  const unit = useQuery({
    queryKey: ['org-units', course.ownerOrgUnitId],
    queryFn: ({ signal }) => fetchOrgUnit(course.ownerOrgUnitId, signal),
    enabled: !given && !!course.ownerOrgUnitId,
    staleTime: Infinity,
    retry: false,
  });
  const name = given ?? unit.data?.name;
  return name ? <span>{t('courses.owner', { owner: name })}</span> : null;
}
