import { describeAuthzMatrix } from './authz/run-matrix';
import { NOTIFICATION_RULES } from './authz/rules-notifications';

describeAuthzMatrix('notifications', NOTIFICATION_RULES);
