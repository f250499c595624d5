import { OIDC_RULES, SSO_PROVIDER } from './authz/rules-oidc';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('single sign-on with a real provider', OIDC_RULES, { service: SSO_PROVIDER });
