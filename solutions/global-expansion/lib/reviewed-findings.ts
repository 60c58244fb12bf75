import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledgeNag } from './nag';
import { SecurityChain } from './security';
import { LoadBalancedTier } from './tiers';

/** The parts of the shop whose cdk-nag findings the review looked at and accepted. */
export interface ReviewedParts {
  readonly security: SecurityChain;
  readonly web: LoadBalancedTier;
  readonly app: LoadBalancedTier;
  readonly database: rds.DatabaseInstance;
  readonly replica?: rds.DatabaseInstanceReadReplica;
  readonly site: s3.IBucket;
  readonly media: s3.IBucket;
  readonly distribution: cloudfront.Distribution;
}

/**
 * The security review's accepted risks, in one place: each cdk-nag AwsSolutions finding that stays
 * is written into the template with the reason it is acceptable in this lab. The checker prints
 * the reasons; anything cdk-nag finds that is not listed here fails the cdk-nag check.
 */
export function acknowledgeReviewedFindings(parts: ReviewedParts): void {
  const { security, web, app, database, replica, site, media, distribution } = parts;

  acknowledgeNag(
    security.externalLoadBalancer,
    'AwsSolutions-EC23',
    'The internet-facing ALB is the shop front door: port 80 from anywhere is its job, and WAF inspects every request.',
  );

  acknowledgeNag(
    database,
    'AwsSolutions-RDS10',
    'Deletion protection would block the lab teardown; production turns it on with a final snapshot.',
  );
  acknowledgeNag(
    database,
    'AwsSolutions-RDS11',
    'A non-default port is obscurity, not protection: only the APP security group and the database NACL let 3306 in.',
  );
  if (replica) {
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS10',
      'Deletion protection would block the lab teardown; the replica holds nothing the primary lacks.',
    );
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS11',
      'A non-default port is obscurity, not protection: only the APP security group and the database NACL let 3306 in.',
    );
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS2',
      'A replica in the same Region inherits the encryption of its encrypted primary; CloudFormation refuses StorageEncrypted next to a source instance.',
    );
    acknowledgeNag(
      replica,
      'AwsSolutions-RDS3',
      'The replica only serves reads and holds nothing the primary lacks; the Multi-AZ primary keeps the data safe, so a second replica AZ is not worth its cost here.',
    );
  }
  acknowledgeNag(
    database.node.findChild('Secret'),
    'AwsSolutions-SMG4',
    'Rotation runs a Lambda function that the local emulator cannot run; production adds database.addRotationSingleUser().',
  );

  for (const bucket of [site, media]) {
    acknowledgeNag(
      bucket,
      'AwsSolutions-S1',
      'Server access logs need a second bucket to receive them; accepted for a lab. The trail records bucket settings changes, not object reads (those are S3 data events): production turns on one of the two.',
    );
  }

  // grantReadWrite writes object-level wildcards (s3:GetObject*, s3:DeleteObject*...) on this one bucket only.
  const appPolicy = app.role.node.findChild('DefaultPolicy');
  for (const finding of [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
  ]) {
    acknowledgeNag(
      appPolicy,
      `AwsSolutions-IAM5[${finding}]`,
      'CDK grantReadWrite: object and listing actions on the media bucket only, nothing else in S3.',
    );
  }
  acknowledgeNag(
    appPolicy,
    `AwsSolutions-IAM5[Resource::<${(media.node.defaultChild as s3.CfnBucket).logicalId}.Arn>/*]`,
    'Every object of the media bucket: the APP servers store and serve all of the shop images and video.',
  );

  for (const tier of [web, app]) {
    acknowledgeNag(
      tier.autoScalingGroup,
      'AwsSolutions-AS3',
      'Scaling notifications would need an SNS topic and a subscriber; CloudTrail already records every scaling activity.',
    );
    acknowledgeNag(
      tier.loadBalancer,
      'AwsSolutions-ELB2',
      'ALB access logs need a bucket trusted by the Region ELB account; CloudFront and WAF metrics cover the lab traffic.',
    );
  }

  acknowledgeNag(
    distribution,
    'AwsSolutions-CFR1',
    'The shop sells worldwide (the global expansion); the allowedCountries stretch turns geo restriction on.',
  );
  acknowledgeNag(
    distribution,
    'AwsSolutions-CFR2',
    'The web ACL is REGIONAL on the ALB that /api/* reaches; a CLOUDFRONT web ACL lives in us-east-1, a second stack.',
  );
  acknowledgeNag(
    distribution,
    'AwsSolutions-CFR3',
    'Standard logging (v2) delivers to CloudWatch Logs, Firehose or S3 without ACLs, billed per log line; the lab reads the free CloudFront metrics instead.',
  );
  acknowledgeNag(
    distribution,
    'AwsSolutions-CFR4',
    'The default *.cloudfront.net certificate cannot set a minimum TLS version; with your own domain use TLSv1.2_2021.',
  );
  acknowledgeNag(
    distribution,
    'AwsSolutions-CFR5',
    'The ALB has no certificate without a domain, so CloudFront reaches it over HTTP inside the AWS network.',
  );
}
