import { absent, THINGS } from '../absent';
import { failWith } from '../problems';
import type { ResourceGraph } from '../../model/graph';
import { bucketCoverage, conditionKeys, conditionValues, coversAction, type Statement } from '../../model/queries/policies';
import { bucketPolicyStatements, mediaBuckets } from '../../model/queries/storage';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';

const ADMIN_EXCEPTION_KEYS = ['aws:principalarn', 'aws:userid', 'aws:username', 'aws:principaltag'];

/** The media bucket's policy denies object access that does not come through the VPC's S3 endpoint, administrators excepted. */
export const mediaBucketRequiresEndpoint: Rule = {
  id: 'media-bucket-requires-endpoint',
  area: 'storage',
  title: {
    en: "The media bucket's policy denies object access that does not come through the S3 gateway endpoint (administrators excepted)",
    ko: '미디어 버킷 정책이 S3 게이트웨이 엔드포인트를 거치지 않은 객체 접근을 거부한다(관리자는 예외)',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Credentials copied off a server work from anywhere; a Deny on aws:SourceVpce makes them useless outside the VPC. Excepting the administrators (aws:PrincipalArn) keeps them from being locked out of their own bucket.',
    ko: '서버에서 빼낸 자격 증명은 어디서든 쓸 수 있습니다. aws:SourceVpce 조건의 Deny가 있으면 VPC 밖에서는 쓸모가 없습니다. 관리자(aws:PrincipalArn)를 예외로 두어야 자기 버킷에서 잠기지 않습니다.',
  },
  fix: {
    en: "bucket.addToResourcePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: [bucket.arnForObjects('*')], conditions: { StringNotEquals: { 'aws:SourceVpce': endpoint.vpcEndpointId }, ArnNotLike: { 'aws:PrincipalArn': [adminArns] } } })).",
    ko: "bucket.addToResourcePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: [bucket.arnForObjects('*')], conditions: { StringNotEquals: { 'aws:SourceVpce': endpoint.vpcEndpointId }, ArnNotLike: { 'aws:PrincipalArn': [관리자 ARN] } } }))를 추가하세요.",
  },
  guide: { lab: 's3-static-hosting', section: 'endpoint-only-policy' },
  seed: { seed: '000_0cb1d160706ddd77', section: '4-3' },
  modes: ['template', 'live'],
  services: ['s3', 'ec2'],
  resourceTypes: ['AWS::S3::BucketPolicy'],
  evaluate({ graph }) {
    const media = mediaBuckets(graph);
    if (media.length === 0) {
      return absent({ thing: THINGS.mediaBucket, reportedBy: 'media-bucket-private' });
    }
    const endpoints = graph.ofType('AWS::EC2::VPCEndpoint');
    const problems: { en: string; ko: string }[] = [];
    for (const bucket of media) {
      const denies = bucketPolicyStatements(graph, bucket).filter((statement) => restrictsToEndpoint(graph, statement, bucket, endpoints));
      if (denies.length === 0) {
        problems.push({
          en: `${bucket.id} has no Deny on its objects for requests whose aws:SourceVpce is not the VPC's endpoint`,
          ko: `${bucket.id}에 aws:SourceVpce가 VPC 엔드포인트가 아닌 요청을 거부하는 객체 Deny가 없습니다`,
        });
      } else if (!denies.some((statement) => ADMIN_EXCEPTION_KEYS.some((key) => conditionKeys(statement).some((k) => k.startsWith(key))))) {
        problems.push({
          en: `${bucket.id}'s Deny has no exception for administrators (an aws:PrincipalArn condition), so nobody can reach the media from the console`,
          ko: `${bucket.id}의 Deny에 관리자 예외(aws:PrincipalArn 조건)가 없어 콘솔에서도 미디어에 접근할 수 없습니다`,
        });
      }
    }
    if (problems.length > 0) {
      return failWith(problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: media.map((b) => b.id) })));
    }
    return {
      status: 'PASS',
      message: {
        en: 'The media bucket denies object requests that do not come through the VPC endpoint, except for administrators.',
        ko: '미디어 버킷이 VPC 엔드포인트를 거치지 않은 객체 요청을 거부하고, 관리자만 예외로 둡니다.',
      },
      resources: media.map((b) => b.id),
    };
  },
};

/** A Deny on the bucket's objects, for reads and writes, unless the request comes through an endpoint (or VPC) of this stack. */
function restrictsToEndpoint(graph: ResourceGraph, statement: Statement, bucket: Resource, endpoints: Resource[]): boolean {
  if (statement.effect !== 'Deny') return false;
  if (!coversAction(statement, 's3:GetObject') || !coversAction(statement, 's3:PutObject')) return false;
  if (!statement.resources.some((value) => bucketCoverage(graph, value, bucket) === 'objects')) return false;
  const negated = /^string(not)(equals|like)(ifexists)?$/;
  const endpointValues = conditionValues(statement, 'aws:SourceVpce', negated);
  const vpcValues = conditionValues(statement, 'aws:SourceVpc', negated);
  const names = (values: unknown[]) => values.flatMap((value) => [...graph.refsIn(value), ...(typeof value === 'string' ? [value] : [])]);
  const endpointHit = names(endpointValues).some((target) =>
    typeof target === 'string' ? /^vpce-/.test(target) : endpoints.includes(target),
  );
  const vpcHit = names(vpcValues).some((target) => (typeof target === 'string' ? /^vpc-/.test(target) : target.type === 'AWS::EC2::VPC'));
  return endpointHit || vpcHit;
}
