import { Command } from 'commander';
import { LIVE_COMMANDS } from '../sources/live/commands';
import { iamPolicyDocument, registerIamPolicyCommand, runIamPolicy } from './iam-policy';

describe('checker iam-policy', () => {
  it('allows exactly the IAM actions of the live loader command list, all read-only', () => {
    const [statement] = iamPolicyDocument().Statement;
    const expected = [...new Set(LIVE_COMMANDS.flatMap((command) => command.iamActions))].sort();
    expect(statement.Action).toEqual(expected);
    expect(statement.Effect).toBe('Allow');
    for (const action of statement.Action) expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get)[A-Za-z0-9]+$/);
    expect(statement.Action).toContain('s3:ListBucket');
    expect(statement.Action).toContain('cloudformation:ListStackResources');
    expect(statement.Action).not.toContain('secretsmanager:GetSecretValue');
  });

  it('prints the policy as JSON', () => {
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true }, cwd: '.', env: {} };
    expect(runIamPolicy({}, io)).toBe(0);
    expect(JSON.parse(out)).toEqual(iamPolicyDocument());
  });

  it('registers as a subcommand', async () => {
    let out = '';
    const program = new Command('checker').exitOverride();
    registerIamPolicyCommand(program, {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: () => true },
      cwd: '.',
      env: {},
    });
    await program.parseAsync(['iam-policy'], { from: 'user' });
    expect(JSON.parse(out).Version).toBe('2012-10-17');
  });
});
