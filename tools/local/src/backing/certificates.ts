import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findProgram } from './tools';

/** A private CA and a server certificate it signed for 127.0.0.1 and localhost, as PEM files. */
export interface TestCertificates {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** Creates a throwaway CA and a server certificate for 127.0.0.1 in `dir` with the openssl command (valid one day). */
export function createTestCertificates(dir: string): TestCertificates {
  const file = (name: string) => path.join(dir, name);
  const program = findProgram('openssl');
  if (!program) throw new Error('openssl is not installed');
  const openssl = (...args: string[]) => execFileSync(program, args, { stdio: 'pipe', timeout: 20_000 });
  // P-256 keys: generated in milliseconds, where RSA keys take a noticeable part of a test's start.
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=workshop test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  );
  // The client checks the address it dialled against the certificate's subjectAltName, as it does with ElastiCache's names.
  const extensions = file('server.ext');
  fs.writeFileSync(extensions, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    ...['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial'],
    ...['-days', '1', '-extfile', extensions, '-out', file('server.pem')],
  );
  return { caFile: file('ca.pem'), certFile: file('server.pem'), keyFile: file('server.key') };
}
