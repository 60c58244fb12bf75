import { PassThrough } from 'node:stream';
import { forwardLines } from './cdk';

describe('forwardLines', () => {
  test('passes the CDK CLI output through line by line but leaves out raw SDK parse errors; keeps every line', async () => {
    const from = new PassThrough();
    const to = new PassThrough();
    let shown = '';
    to.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const kept: string[] = [];
    const done = forwardLines(from, to, (line) => kept.push(line));
    from.write('ShopVpcMigration: updating stack...\n❌  ShopVpcMigration failed to dep');
    from.write('loy\n‣ Error: @aws-sdk XML parse error: mismatched tags <html> and </title>.\n');
    from.end('  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.');
    await done;
    expect(shown).toBe('ShopVpcMigration: updating stack...\n❌  ShopVpcMigration failed to deploy\n');
    expect(kept).toHaveLength(4);
    expect(kept[2]).toContain('XML parse error');
  });
});
