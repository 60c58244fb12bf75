import { CfnParameter, type CfnParameterProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { ResourceGraph } from '../model/graph';
import type { DeployTimeParameter } from '../model/types';
import { addSecurity, grownShop, grownShopGraph } from '../rules/fixtures/grown-shop';
import { judge } from '../rules/fixtures/judge';
import { liveGraphOf } from '../rules/fixtures/live';
import { bastionReachesAppOnly } from '../rules/security/bastion-reaches-app-only';
import { bastionRestrictedSsh } from '../rules/security/bastion-restricted-ssh';
import { noOpenIngress } from '../rules/security/no-open-ingress';
import { admits } from './deploy-time';

const SSH_RULES = [bastionRestrictedSsh, bastionReachesAppOnly, noOpenIngress];

/** The security-review shop whose bastion takes SSH from an AdminCidr CfnParameter, as the lab builds it. */
function shopWithAdminCidr(parameter: CfnParameterProps): ResourceGraph {
  return grownShopGraph((shop) => {
    const admin = new CfnParameter(shop.stack, 'AdminCidr', { type: 'String', ...parameter });
    addSecurity(shop, { bastion: { cidr: admin.valueAsString } });
  });
}

const SIXTEEN_TO_32 = '^(\\d{1,3}\\.){3}\\d{1,3}/(1[6-9]|2\\d|3[0-2])$';

describe('values chosen at deploy time', () => {
  it('does not fail the lab when AdminCidr has no default and no constraint: SKIP, telling the learner to constrain it', () => {
    const graph = shopWithAdminCidr({});
    for (const rule of SSH_RULES) {
      const outcome = judge(rule, graph);
      expect(outcome.status).toBe('SKIP');
      expect(outcome.message.en).toContain('parameter AdminCidr has no default and no AllowedPattern or AllowedValues');
      expect(outcome.message.en).toContain('--live');
      expect(outcome.message.ko).toContain('파라미터 AdminCidr에 기본값도 AllowedPattern이나 AllowedValues도 없어서');
      expect(outcome.message.ko).toContain('allowedPattern');
    }
  });

  it('passes, with a note, when an AllowedPattern admits only /16 to /32 (the lab’s answer without a default)', () => {
    const graph = shopWithAdminCidr({ allowedPattern: SIXTEEN_TO_32 });
    for (const rule of SSH_RULES) {
      const outcome = judge(rule, graph);
      expect(outcome.status).toBe('PASS');
      expect(outcome.message.en).toContain('Note: AdminCidr (AllowedPattern) is chosen at deploy time');
      expect(outcome.message.ko).toContain('참고: AdminCidr (AllowedPattern) 값은 배포할 때 정해지며');
    }
    // The sample value the rule was run with is replaced by the parameter's name.
    expect(judge(bastionRestrictedSsh, graph).message.en).toContain('accepts SSH only from AdminCidr');
  });

  it('fails when the AllowedPattern admits a range wider than /16 or the whole internet', () => {
    const graph = shopWithAdminCidr({ allowedPattern: '^(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$' });
    const ssh = judge(bastionRestrictedSsh, graph);
    expect(ssh.status).toBe('FAIL');
    expect(ssh.message.en).toContain(`AdminCidr's AllowedPattern admits "0.0.0.0/0"`);
    expect(ssh.message.ko).toContain('AdminCidr의 AllowedPattern이 "0.0.0.0/0" 값을 허용합니다');
    expect(judge(noOpenIngress, graph).status).toBe('FAIL');
  });

  it('judges every AllowedValues entry: all narrow passes, one 0.0.0.0/0 fails', () => {
    const narrow = shopWithAdminCidr({ allowedValues: ['203.0.113.0/24', '198.51.100.7/32'] });
    for (const rule of SSH_RULES) expect(judge(rule, narrow).status).toBe('PASS');
    expect(judge(bastionRestrictedSsh, narrow).message.en).toContain('AdminCidr (AllowedValues)');
    const open = shopWithAdminCidr({ allowedValues: ['203.0.113.0/24', '0.0.0.0/0'] });
    const verdict = judge(noOpenIngress, open);
    expect(verdict.status).toBe('FAIL');
    expect(verdict.message.en).toContain(`AdminCidr's AllowedValues admits "0.0.0.0/0"`);
    expect(verdict.message.ko).toContain('AdminCidr의 AllowedValues가 "0.0.0.0/0" 값을 허용합니다');
    // With 0.0.0.0/0 there is no proper bastion, so the bastion's reach is not judged: the SKIP says which value.
    const reach = judge(bastionReachesAppOnly, open);
    expect(reach.status).toBe('SKIP');
    expect(reach.message.en).toBe(
      'With AdminCidr = "0.0.0.0/0", which its constraint admits: No bastion yet (bastion-restricted-ssh reports it).',
    );
  });

  it('fails on a 0.0.0.0/0 default, as before: a default is what deploys without --parameters', () => {
    const graph = shopWithAdminCidr({ default: '0.0.0.0/0' });
    expect(judge(bastionRestrictedSsh, graph).status).toBe('FAIL');
    expect(judge(noOpenIngress, graph).status).toBe('FAIL');
    expect(judge(bastionReachesAppOnly, graph).status).toBe('SKIP');
  });

  it('in live mode judges the value that was deployed', () => {
    const deployed = (cidr: string): ResourceGraph => {
      const shop = grownShop((built) => addSecurity(built, { bastion: { cidr } }));
      return liveGraphOf(Template.fromStack(shop.stack).toJSON());
    };
    expect(judge(bastionRestrictedSsh, deployed('203.0.113.0/24')).status).toBe('PASS');
    expect(judge(bastionRestrictedSsh, deployed('0.0.0.0/0')).status).toBe('FAIL');
  });

  it('checks a value the way CloudFormation does: the whole value, within the length limits', () => {
    const parameter: DeployTimeParameter = { name: 'P', source: 'template', allowedPattern: '\\d+', maxLength: 3 };
    expect(admits(parameter, '22')).toBe(true);
    expect(admits(parameter, '22a')).toBe(false);
    expect(admits(parameter, '2222')).toBe(false);
  });
});
