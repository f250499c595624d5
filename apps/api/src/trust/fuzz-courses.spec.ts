import { COURSE_RULES } from './authz/rules-courses';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('courses, authoring, curricula', COURSE_RULES);
