import { ADMIN_RULES } from './authz/rules-admin';
import { LEARNING_RULES } from './authz/rules-learning';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('sign-in, people, org units, reports, learning, certificates', {
  ...ADMIN_RULES,
  ...LEARNING_RULES,
});
