import { TRAINING_RULES } from './authz/rules-training';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('the yearly cycle: requirements, recorded training, people', TRAINING_RULES);
