import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A test CA and a document-signing certificate it issued, made with openssl as an outside CA
 * would; returns the signer's PKCS#12 (also left in `dir` as `signer.p12`, beside `ca.crt`).
 * Production requires such a file (`CERT_PDF_P12`): browser tests and the bench use this one.
 */
export function testCaSignedPkcs12(dir: string, password: string): Buffer {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '30',
    '-subj',
    '/CN=Test CA dx-academy',
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'signer.key',
    '-out',
    'signer.csr',
    '-subj',
    '/CN=Nen tang dx-academy/O=Test',
  );
  writeFileSync(
    join(dir, 'ext.cnf'),
    'keyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\n',
  );
  run(
    'x509',
    '-req',
    '-in',
    'signer.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'signer.crt',
    '-days',
    '30',
    '-extfile',
    'ext.cnf',
  );
  run(
    'pkcs12',
    '-export',
    '-inkey',
    'signer.key',
    '-in',
    'signer.crt',
    '-certfile',
    'ca.crt',
    '-out',
    'signer.p12',
    '-passout',
    `pass:${password}`,
  );
  return readFileSync(join(dir, 'signer.p12'));
}
