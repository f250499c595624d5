// Certificate requests as the API leaves them, and polling: both in @dx/testing, where the
// bench uses them too.
export { eventually, requestCertificates } from '@dx/testing';
