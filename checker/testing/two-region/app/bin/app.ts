import { App } from 'aws-cdk-lib';
import { MainStack, RecoveryStack } from '../lib/stacks';

const app = new App();
// The second Region comes from CDK context, as in labs 8 and 9 (npm run deploy passes -c secondaryRegion=...).
const secondaryRegion: string = app.node.tryGetContext('secondaryRegion') ?? 'ap-northeast-1';
new RecoveryStack(app, 'ShopTwinRecovery', { env: { region: secondaryRegion } });
new MainStack(app, 'ShopTwin');
