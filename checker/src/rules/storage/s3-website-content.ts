import { absent, unseen } from '../absent';
import { failWith } from '../problems';
import { websiteBuckets, websiteDocuments } from '../../model/queries/storage';
import type { Rule } from '../types';

/** The website bucket holds the uploaded front end (its index document). */
export const s3WebsiteContent: Rule = {
  id: 's3-website-content',
  area: 'storage',
  title: {
    en: 'The website bucket holds the front end: its index and error documents are uploaded',
    ko: '웹사이트 버킷에 프론트엔드가 올라가 있다: index, error 문서가 업로드되어 있다',
  },
  severity: 'medium',
  points: 5,
  why: {
    en: 'A website bucket without its index document answers 404 to every visitor: the deploy is not finished until the files are in S3.',
    ko: 'index 문서가 없는 웹사이트 버킷은 모든 방문자에게 404를 돌려줍니다. 파일이 S3에 올라가야 배포가 끝난 것입니다.',
  },
  fix: {
    en: 'Run the lab deploy command again: after the stack is deployed it uploads the lab folder site/ into the bucket tagged workshop:content=site.',
    ko: '실습 배포 명령을 다시 실행하세요. 스택 배포가 끝나면 실습 폴더의 site/를 workshop:content=site 태그가 붙은 버킷에 올립니다.',
  },
  guide: { lab: 's3-static-hosting', section: 'website-hosting' },
  seed: { seed: '000_0cb1d160706ddd77', section: '4-1' },
  modes: ['live'],
  services: ['s3'],
  resourceTypes: ['AWS::S3::Bucket.WebsiteConfiguration'],
  evaluate({ graph }) {
    const sites = websiteBuckets(graph);
    if (sites.length === 0) {
      return absent({ thing: { en: 'bucket with website hosting', ko: '웹사이트 호스팅이 켜진 버킷' }, reportedBy: 's3-website-hosting' });
    }
    for (const bucket of sites) {
      const documents = websiteDocuments(graph, bucket) ?? {};
      // The live S3 fetcher lists the bucket's objects: live.indexDocumentPresent and live.objectCount.
      const present = bucket.live?.indexDocumentPresent;
      const count = bucket.live?.objectCount;
      if (typeof present !== 'boolean') continue;
      if (present) {
        return {
          status: 'PASS',
          message: {
            en: `Bucket ${bucket.id} holds ${String(count ?? 'its')} object(s), "${documents.index ?? 'index.html'}" among them.`,
            ko: `버킷 ${bucket.id}에 객체 ${String(count ?? '')}개가 있고 "${documents.index ?? 'index.html'}"도 있습니다.`,
          },
          resources: [bucket.id],
        };
      }
      return failWith([
        {
          en: `Bucket ${bucket.id} has no "${documents.index ?? 'index.html'}" (it holds ${String(count ?? 0)} object(s)): visitors get 404.`,
          ko: `버킷 ${bucket.id}에 "${documents.index ?? 'index.html'}"가 없어(객체 ${String(count ?? 0)}개) 방문자가 404를 받습니다.`,
          resources: [bucket.id],
        },
      ]);
    }
    return unseen({
      en: "The target did not list the website bucket's objects, so the content cannot be checked here.",
      ko: '대상 환경이 웹사이트 버킷의 객체 목록을 주지 않아 콘텐츠를 확인할 수 없습니다.',
    });
  },
};
