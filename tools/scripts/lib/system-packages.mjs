// Installs missing Debian packages in one apt-get call (sudo when not root).
import { isRoot, fail, log, runSync, which } from './util.mjs';

/**
 * Debian packages for the tools a mode needs that are not on this machine yet: `test` the
 * suites of `npm test`, `test:ha` the drills of `npm run test:ha`, `bench` both.
 */
export function missingTestTools(mode) {
  const suites = [
    ['chromium', ['chromium']],
    ['poppler-utils', ['pdftotext', 'pdffonts', 'pdftoppm', 'pdfsig']],
    // The certificate PDF signature spec makes its own CA and signing certificate.
    ['openssl', ['openssl']],
    ['zbar-tools', ['zbarimg']],
    // deploy/k8s/manifests.spec.ts renders the Kustomize overlays offline. Debian has no
    // `kubectl` package: `kubernetes-client` gives kubectl 1.20 (kustomize v2 syntax, which the
    // manifests keep to); a newer kubectl already on the machine is used as it is.
    ['kubernetes-client', ['kubectl']],
  ];
  // High-availability drills and bench sections (libs/testing): a streaming replica made with
  // pg_basebackup, a transaction pooler, and Redis failover; the postgresql package gives
  // pg_basebackup even when the suites' primary server is someone else's.
  const drills = [
    ['postgresql', ['pg_basebackup']],
    ['pgbouncer', ['pgbouncer']],
    ['redis-sentinel', ['redis-sentinel']],
  ];
  const needs = [...(mode === 'test:ha' ? [] : suites), ...(mode === 'test' ? [] : drills)];
  return needs
    .filter(([, bins]) => bins.some((b) => !which(b, ['/usr/bin', '/usr/sbin'])))
    .map(([pkg]) => pkg);
}

export function installDebianPackages(packages) {
  const list = [...new Set(packages)];
  if (list.length === 0) return;
  const what = list.join(' ');
  if (!which('apt-get')) {
    fail(
      `missing system packages (${what}) and no apt-get here: install their equivalents yourself, or point DATABASE_URL/REDIS_URL at running servers`,
    );
  }
  let prefix = [];
  if (!isRoot) {
    if (!which('sudo'))
      fail(
        `missing system packages (${what}): run as root "apt-get install -y ${what}", then try again`,
      );
    prefix = ['sudo'];
  }
  const aptGet = (...args) => {
    const cmd = [
      ...prefix,
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      '-o',
      'DPkg::Lock::Timeout=300',
      ...args,
    ];
    return runSync(cmd[0], cmd.slice(1)).status;
  };
  log(`installing Debian packages: ${what}`);
  if (aptGet('update', '-q') !== 0)
    fail(
      `"apt-get update" failed (see above): check network access to the Debian mirrors, or install ${what} yourself`,
    );
  if (aptGet('install', '-y', '-q', ...list) !== 0)
    fail(
      `"apt-get install -y ${what}" failed (see above): install these packages yourself, then try again`,
    );
}
