import { describeAuthzMatrix } from './authz/run-matrix';
import { ADMIN_RULES } from './authz/rules-admin';

describeAuthzMatrix('sign-in, people, org units, reports, operations', ADMIN_RULES);
