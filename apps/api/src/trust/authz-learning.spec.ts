import { describeAuthzMatrix } from './authz/run-matrix';
import { LEARNING_RULES } from './authz/rules-learning';

describeAuthzMatrix('learning, quizzes, certificates', LEARNING_RULES);
