import { describeAuthzMatrix } from './authz/run-matrix';
import { COURSE_RULES } from './authz/rules-courses';

describeAuthzMatrix('courses, authoring, curricula', COURSE_RULES);
