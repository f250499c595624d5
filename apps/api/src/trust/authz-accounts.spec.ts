import { describeAuthzMatrix } from './authz/run-matrix';
import { ACCOUNT_RULES } from './authz/rules-accounts';

describeAuthzMatrix('accounts: activation, passwords, people', ACCOUNT_RULES);
