import { describeAuthzMatrix } from './authz/run-matrix';
import { MFA_RULES } from './authz/rules-mfa';

describeAuthzMatrix('accounts: two-factor sign-in', MFA_RULES);
