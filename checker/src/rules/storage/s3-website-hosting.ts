import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import { publicAccessBlock, websiteBuckets, websiteDocuments } from '../../model/queries/storage';
import type { Rule } from '../types';

/** A bucket hosts the front end as a static website, with an index and an error document. */
export const s3WebsiteHosting: Rule = {
  id: 's3-website-hosting',
  area: 'storage',
  title: {
    en: 'An S3 bucket hosts the front end as a static website (index and error documents)',
    ko: 'S3 버킷이 정적 웹사이트로 프론트엔드를 호스팅한다(index, error 문서)',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Copies of the same front-end files on every WEB server waste storage and drift apart; one bucket with website hosting serves them all, and S3 runs it for you.',
    ko: '웹 서버마다 같은 프론트엔드 파일을 복사하면 스토리지가 낭비되고 파일이 서로 달라집니다. 웹사이트 호스팅을 켠 버킷 하나가 모두를 제공하고, 운영은 S3가 맡습니다.',
  },
  fix: {
    en: "Create an s3.Bucket with websiteIndexDocument: 'index.html' and websiteErrorDocument: 'error.html', and let its policy allow public reads (publicReadAccess: true with a BlockPublicAccess that does not block policies).",
    ko: "s3.Bucket에 websiteIndexDocument: 'index.html', websiteErrorDocument: 'error.html'을 주고, 정책으로 공개 읽기를 허용하세요(publicReadAccess: true와 정책을 막지 않는 BlockPublicAccess).",
  },
  guide: { lab: 's3-static-hosting', section: 'website-hosting' },
  seed: { seed: '000_0cb1d160706ddd77', section: '4-1' },
  modes: ['template', 'live'],
  services: ['s3'],
  resourceTypes: ['AWS::S3::Bucket.WebsiteConfiguration', 'AWS::S3::Bucket.PublicAccessBlockConfiguration'],
  evaluate({ graph }) {
    const sites = websiteBuckets(graph);
    if (sites.length === 0) {
      return absent({
        required: { en: 'No bucket has static website hosting turned on.', ko: '정적 웹사이트 호스팅이 켜진 버킷이 없습니다.' },
      });
    }
    const problems: { en: string; ko: string }[] = [];
    for (const bucket of sites) {
      const documents = websiteDocuments(graph, bucket) ?? {};
      const block = publicAccessBlock(graph, bucket);
      if (!documents.index)
        problems.push({ en: `Bucket ${bucket.id} has no index document`, ko: `버킷 ${bucket.id}에 index 문서가 없습니다` });
      else if (!documents.error)
        problems.push({ en: `Bucket ${bucket.id} has no error document`, ko: `버킷 ${bucket.id}에 error 문서가 없습니다` });
      else if (block.blockPublicPolicy || block.restrictPublicBuckets)
        problems.push({
          en: `Bucket ${bucket.id} blocks public bucket policies, so its website endpoint answers 403 Forbidden to every visitor`,
          ko: `버킷 ${withParticle(bucket.id, '이/가')} 공개 버킷 정책을 막고 있어 웹사이트 엔드포인트가 모든 방문자에게 403 Forbidden을 돌려줍니다`,
        });
      else return { status: 'PASS', message: passMessage(bucket.id, documents.index, documents.error), resources: [bucket.id] };
    }
    return failWith(
      problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: sites.map((bucket) => bucket.id) })),
    );
  },
};

function passMessage(id: string, index: string, error: string): { en: string; ko: string } {
  return {
    en: `Bucket ${id} serves the website: "${index}" for folders, "${error}" for missing pages.`,
    ko: `버킷 ${withParticle(id, '이/가')} 웹사이트를 제공합니다. 폴더 요청에는 "${index}", 없는 페이지에는 "${error}"를 보여 줍니다.`,
  };
}
