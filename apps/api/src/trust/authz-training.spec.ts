import { describeAuthzMatrix } from './authz/run-matrix';
import { TRAINING_RULES } from './authz/rules-training';

describeAuthzMatrix('the yearly cycle: requirements, recorded training, people', TRAINING_RULES);
