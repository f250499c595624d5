import { QUESTION_BANK_RULES } from './authz/rules-question-banks';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('question banks and draw rules', QUESTION_BANK_RULES);
