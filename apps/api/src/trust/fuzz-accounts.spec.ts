import { ACCOUNT_RULES } from './authz/rules-accounts';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('accounts: activation, passwords, people', ACCOUNT_RULES);
