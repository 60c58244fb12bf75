import path from 'node:path';
import { findLab, type Lab } from '@workshop/catalog';

/** The two-Region fixture app: ShopTwinRecovery in the second Region, then ShopTwin, whose parameter reads the first's output. */
export const twoRegionAppDir = path.join(__dirname, 'app');

/** A lab (not in the catalog) for the fixture app, judged by one rule that reads every security group. */
export const twoRegionLab: Lab = {
  ...(findLab('security-review') as Lab),
  id: 'two-region-fixture',
  stackName: 'ShopTwin',
  stacks: [
    { name: 'ShopTwinRecovery', region: 'secondary' },
    { name: 'ShopTwin', region: 'primary', parameters: { ReplicaBucketArn: { stack: 'ShopTwinRecovery', output: 'ReplicaBucketArn' } } },
  ],
  checks: ['no-open-ingress'],
  costPerHour: [],
};
