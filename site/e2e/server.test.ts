import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveFile } from './server';

describe('resolveFile', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  fs.mkdirSync(path.join(root, 'docs'));
  fs.mkdirSync(path.join(root, 'ko'));
  for (const file of ['index.html', 'docs/intro.html', 'ko/index.html']) fs.writeFileSync(path.join(root, file), '<html></html>');

  it('serves Docusaurus routes built with trailingSlash: false', () => {
    expect(resolveFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveFile(root, '/docs/intro')).toBe(path.join(root, 'docs/intro.html'));
    expect(resolveFile(root, '/ko/')).toBe(path.join(root, 'ko/index.html'));
    expect(resolveFile(root, '/docs/intro?x=1')).toBe(path.join(root, 'docs/intro.html'));
  });

  it('finds nothing outside the build folder or for unknown routes', () => {
    expect(resolveFile(root, '/../../etc/passwd')).toBeUndefined();
    expect(resolveFile(root, '/docs/missing')).toBeUndefined();
  });
});
