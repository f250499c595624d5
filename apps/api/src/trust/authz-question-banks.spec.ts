import { describeAuthzMatrix } from './authz/run-matrix';
import { QUESTION_BANK_RULES } from './authz/rules-question-banks';

describeAuthzMatrix('question banks and draw rules', QUESTION_BANK_RULES);
