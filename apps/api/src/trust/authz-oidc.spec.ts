import { describeAuthzMatrix } from './authz/run-matrix';
import { OIDC_RULES, SSO_PROVIDER } from './authz/rules-oidc';

describeAuthzMatrix('single sign-on with a real provider', OIDC_RULES, { service: SSO_PROVIDER });
