import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addStorage, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { s3EndpointServesPrivateRouteTables } from './s3-endpoint-serves-private-route-tables';

describe('s3-endpoint-serves-private-route-tables', () => {
  it('passes when the endpoint is on every subnet (the CDK default)', () => {
    const outcome = judge(
      s3EndpointServesPrivateRouteTables,
      grownShopGraph((shop) => addStorage(shop)),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('All 2 private route table(s)');
  });

  it('passes when only the private subnets are selected', () => {
    const graph = grownShopGraph((shop) =>
      addStorage(shop, { endpoint: { subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }] } }),
    );
    expect(judge(s3EndpointServesPrivateRouteTables, graph).status).toBe('PASS');
  });

  it('fails when the private subnets are left out', () => {
    const graph = grownShopGraph((shop) => addStorage(shop, { endpoint: { subnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] } }));
    const outcome = judge(s3EndpointServesPrivateRouteTables, graph);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.resources).toHaveLength(2);
  });

  it('is not applicable without a gateway endpoint', () => {
    expect(judge(s3EndpointServesPrivateRouteTables, grownShopGraph()).status).toBe('SKIP');
  });
});
