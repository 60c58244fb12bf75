import { absent, THINGS } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import { bucketCoverage, coversAction } from '../../model/queries/policies';
import { mediaBuckets } from '../../model/queries/storage';
import { shopTiers } from '../../model/queries/chain';
import { instanceRoleOf, roleStatements } from '../../model/queries/iam';
import { sameRegionAs } from '../../model/queries/regions';
import type { Rule } from '../types';

/** The APP servers' instance role may read and write the media bucket, and no more of S3 than that. */
export const appRoleMediaAccess: Rule = {
  id: 'app-role-media-access',
  area: 'storage',
  title: {
    en: "The APP servers' role may read and write the media bucket, and nothing else in S3",
    ko: 'APP 서버 역할이 미디어 버킷을 읽고 쓸 수 있고, S3의 다른 것은 할 수 없다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'The APP tier stores and serves the images, so its instance role needs read and write on that bucket; least privilege means that bucket only, so a compromised server cannot reach any other data.',
    ko: 'APP 계층이 이미지를 저장하고 제공하므로 인스턴스 역할에 그 버킷의 읽기·쓰기 권한이 필요합니다. 최소 권한이란 그 버킷만이라는 뜻이어서, 서버가 뚫려도 다른 데이터에는 닿지 못합니다.',
  },
  fix: {
    en: "mediaBucket.grantReadWrite(appTier.role): CDK writes s3:GetObject*, s3:PutObject... on this bucket's ARN only. Do not attach AmazonS3FullAccess.",
    ko: 'mediaBucket.grantReadWrite(appTier.role)를 쓰세요. CDK가 이 버킷 ARN에만 s3:GetObject*, s3:PutObject... 권한을 씁니다. AmazonS3FullAccess는 붙이지 마세요.',
  },
  guide: { lab: 's3-static-hosting', section: 'app-role-access' },
  seed: { seed: '000_0cb1d160706ddd77', section: '4-2' },
  modes: ['template', 'live'],
  services: ['iam', 's3', 'autoscaling'],
  evaluate({ graph }) {
    const media = mediaBuckets(graph);
    if (media.length === 0) {
      return absent({ thing: THINGS.mediaBucket, reportedBy: 'media-bucket-private' });
    }
    // The servers of the media bucket's Region: a second Region's tier (global-expansion) serves media through CloudFront.
    const app = sameRegionAs(graph, shopTiers(graph).app.members, media);
    if (app.length === 0) {
      return absent({
        required: {
          en: 'No APP tier found: no Auto Scaling group sits behind an internal load balancer.',
          ko: 'APP 계층을 찾지 못했습니다. 내부 로드 밸런서 뒤에 있는 Auto Scaling 그룹이 없습니다.',
        },
      });
    }
    for (const asg of app) {
      const role = instanceRoleOf(graph, asg);
      if (!role) {
        return failWith([
          {
            en: `APP group ${asg.id} has no instance role, so its servers cannot sign requests to S3.`,
            ko: `APP 그룹 ${asg.id}에 인스턴스 역할이 없어 서버가 S3 요청에 서명할 수 없습니다.`,
            resources: [asg.id],
          },
        ]);
      }
      const allows = roleStatements(graph, role).filter((statement) => statement.effect === 'Allow');
      const tooBroad = allows.find(
        (statement) =>
          coversAction(statement, 's3:GetObject') && statement.resources.some((value) => value === '*' || value === 'arn:aws:s3:::*'),
      );
      if (tooBroad) {
        return failWith([
          {
            en: `Role ${role.id} may use objects of every bucket (Resource "*" in ${tooBroad.source.id}): grant the media bucket only.`,
            ko: `역할 ${withParticle(role.id, '이/가')} 모든 버킷의 객체를 쓸 수 있습니다(${tooBroad.source.id}의 Resource "*"). 미디어 버킷만 허용하세요.`,
            resources: [role.id, tooBroad.source.id],
          },
        ]);
      }
      for (const bucket of media) {
        const onObjects = allows.filter((statement) =>
          statement.resources.some((value) => bucketCoverage(graph, value, bucket) === 'objects'),
        );
        const missing = ['s3:GetObject', 's3:PutObject'].filter(
          (action) => !onObjects.some((statement) => coversAction(statement, action)),
        );
        if (missing.length > 0) {
          return failWith([
            {
              en: `Role ${role.id} of APP group ${asg.id} lacks ${missing.join(' and ')} on ${bucket.id}'s objects.`,
              ko: `APP 그룹 ${asg.id}의 역할 ${role.id}에 ${bucket.id} 객체의 ${missing.join(', ')} 권한이 없습니다.`,
              resources: [role.id, bucket.id],
            },
          ]);
        }
      }
    }
    return {
      status: 'PASS',
      message: {
        en: `The APP role may read and write ${media.map((b) => b.id).join(', ')}, scoped to that bucket.`,
        ko: `APP 역할이 ${media.map((b) => b.id).join(', ')}만 대상으로 읽고 쓸 수 있습니다.`,
      },
      resources: [...app.map((asg) => asg.id), ...media.map((b) => b.id)],
    };
  },
};
