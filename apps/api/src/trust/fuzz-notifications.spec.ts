import { NOTIFICATION_RULES } from './authz/rules-notifications';
import { describeFuzz } from './fuzz/run-fuzz';

describeFuzz('notifications', NOTIFICATION_RULES);
