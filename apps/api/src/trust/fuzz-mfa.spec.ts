import { MFA_RULES } from './authz/rules-mfa';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('accounts: two-factor sign-in', MFA_RULES);
