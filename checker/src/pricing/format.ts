import { priceTable, type Lang, type LocalizedText } from '@workshop/catalog';
import { biggest, compare, type Estimate } from './estimate';
import { totalOf, type RegionEstimate } from './regions';

const usd = (value: number, digits = 3): string => `$${value.toFixed(digits)}`;

/** An estimate in words, as lines: what it is and its date, the total, the three biggest items, each line, the difference from the solution, the assumptions those lines rest on, and what it leaves out. */
export function estimateLines(mine: Estimate, lang: Lang, solution?: Estimate): string[] {
  const ko = lang === 'ko';
  const region = priceTable.regions[mine.region]?.[lang] ?? mine.region;
  const { assumptions } = priceTable;
  const out: string[] = [];
  out.push(
    ko
      ? `추정치입니다: ${region} 온디맨드 가격(labs/prices.json, ${mine.priceDate}에 확인한 표)으로 계산했습니다. 실제 청구액과 다를 수 있습니다.`
      : `This is an estimate: on-demand prices in ${region} from labs/prices.json, checked on ${mine.priceDate}. Your bill will differ.`,
  );
  out.push(
    ko
      ? `합계: 시간당 약 ${usd(mine.hourlyUsd)}, 한 달(730시간) 약 ${usd(mine.monthlyUsd, 2)}`
      : `Total: about ${usd(mine.hourlyUsd)} an hour, ${usd(mine.monthlyUsd, 2)} a month (730 hours)`,
  );
  const top = biggest(mine);
  if (top.length > 0) {
    out.push(ko ? '가장 큰 항목 3개:' : 'The three biggest items:');
    top.forEach((line, i) => out.push(`  ${i + 1}. ${line.resource[lang]}: ${usd(line.usd)}${ko ? '/시간' : '/h'}`));
  }
  out.push(ko ? '항목별:' : 'Item by item:');
  for (const line of mine.lines)
    out.push(
      `  - ${line.resource[lang]}: ${usd(line.usd, 4)}${ko ? '/시간' : '/h'}${line.assumed ? (ko ? ' (가정한 사용량)' : ' (assumed usage)') : ''}${line.unverified ? (ko ? ' (확인되지 않은 가격*)' : ' (unconfirmed price*)') : ''}`,
    );
  for (const item of mine.unpriced) out.push(`  - ${item.resource}: ${ko ? '가격 없음' : 'not priced'} (${item.reason[lang]})`);
  if (solution) {
    const delta = mine.hourlyUsd - solution.hourlyUsd;
    const sign = delta >= 0 ? '+' : '-';
    out.push(
      ko
        ? `실습 솔루션(시간당 ${usd(solution.hourlyUsd)})과의 차이: ${sign}${usd(Math.abs(delta))}/시간, 한 달 ${sign}${usd(Math.abs(delta) * priceTable.hoursPerMonth, 2)}`
        : `Difference from the lab's solution (${usd(solution.hourlyUsd)} an hour): ${sign}${usd(Math.abs(delta))} an hour, ${sign}${usd(Math.abs(delta) * priceTable.hoursPerMonth, 2)} a month`,
    );
    for (const difference of compare(mine, solution))
      out.push(
        ko
          ? `  - ${difference.name.ko}: 내 구성 ${difference.mine}, 솔루션 ${difference.theirs} (${difference.usd >= 0 ? '+' : '-'}${usd(Math.abs(difference.usd))}/시간)`
          : `  - ${difference.name.en}: yours ${difference.mine}, solution ${difference.theirs} (${difference.usd >= 0 ? '+' : '-'}${usd(Math.abs(difference.usd))}/h)`,
      );
  }
  // Only the assumptions of the lines this block prints: the learner's, and the solution's that differ from them.
  const differing = new Set(solution ? compare(mine, solution).map((difference) => difference.price) : []);
  const shown = [...mine.lines, ...(solution?.lines ?? []).filter((line) => differing.has(line.price))];
  const rests = new Set(shown.flatMap((line) => line.assumptions));
  const sized = new Set([...mine.sizedGroups, ...(solution?.sizedGroups ?? [])]);
  const usage: Array<readonly [boolean, LocalizedText]> = [
    [
      rests.has('natGatewayGbPerMonth'),
      {
        en: `${assumptions.natGatewayGbPerMonth} GB a month through each NAT gateway`,
        ko: `NAT 게이트웨이당 월 ${assumptions.natGatewayGbPerMonth}GB 처리`,
      },
    ],
    [
      rests.has('albLcuPerHour'),
      { en: `${assumptions.albLcuPerHour} LCU on average per ALB`, ko: `ALB당 평균 ${assumptions.albLcuPerHour} LCU` },
    ],
    [
      rests.has('cloudFrontHttpsRequestsPerMonth'),
      {
        en: `${assumptions.cloudFrontHttpsRequestsPerMonth.toLocaleString('en-US')} CloudFront HTTPS requests a month`,
        ko: `CloudFront HTTPS 요청 월 ${assumptions.cloudFrontHttpsRequestsPerMonth.toLocaleString('ko-KR')}건`,
      },
    ],
    [
      rests.has('wafRequestsPerMonth'),
      {
        en: `${assumptions.wafRequestsPerMonth.toLocaleString('en-US')} requests a month through each AWS WAF web ACL`,
        ko: `AWS WAF 웹 ACL당 요청 월 ${assumptions.wafRequestsPerMonth.toLocaleString('ko-KR')}건`,
      },
    ],
    [
      shown.some((line) => line.resources.some((id) => sized.has(id))),
      { en: 'Auto Scaling groups at their desired (else minimum) size', ko: 'Auto Scaling 그룹은 원하는 용량(없으면 최소 용량)' },
    ],
  ];
  const applying = usage.filter(([applies]) => applies).map(([, text]) => text[lang]);
  if (applying.length > 0) out.push(`${ko ? '가정' : 'Assumed'}: ${applying.join(', ')}.`);
  if (rests.has('backupGbPerDataGb'))
    out.push(
      ko
        ? `가정: AWS Backup은 대상 볼륨·데이터베이스 1GB마다 ${assumptions.backupGbPerDataGb}GB를 볼트마다 보관하고, 다른 리전으로의 복사는 한 달에 그만큼 옮깁니다(대상 크기는 볼륨과 할당 스토리지에서 읽음).`
        : `Assumed: AWS Backup keeps ${assumptions.backupGbPerDataGb} GB in each vault per GB of the volumes and databases it covers, and a copy to another Region moves that much a month (sizes read from the volumes and allocated storage).`,
    );
  if (rests.has('replicatedGbPerMonth'))
    out.push(
      ko
        ? `가정: 복제되는 버킷마다 한 달에 ${assumptions.replicatedGbPerMonth}GB를 새로 쓰고, S3가 이를 다른 버킷으로 복제해 복제본이 보관합니다.`
        : `Assumed: each replicated bucket writes ${assumptions.replicatedGbPerMonth} GB a month, which S3 replicates to the other bucket, where the replica keeps it.`,
    );
  if (rests.has('crossRegionReplicaGbPerMonth'))
    out.push(
      ko
        ? `가정: 데이터베이스는 다른 리전의 Read Replica마다 한 달에 ${assumptions.crossRegionReplicaGbPerMonth}GB의 변경 사항을 보냅니다.`
        : `Assumed: a database sends ${assumptions.crossRegionReplicaGbPerMonth} GB of changes a month to each read replica in another Region.`,
    );
  const unconfirmed = [...mine.lines, ...(solution?.lines ?? [])].filter(
    (line, i, all) => line.unverified && all.findIndex((other) => other.price === line.price) === i,
  );
  if (unconfirmed.length > 0) {
    out.push(ko ? '* 확인되지 않은 가격:' : '* Unconfirmed prices:');
    for (const line of unconfirmed) out.push(`  - ${priceTable.prices[line.price].name[lang]}: ${line.unverified?.[lang]}`);
  }
  out.push(`${ko ? '빠진 것' : 'Left out'}: ${priceTable.leavesOut[lang].join('; ')}.`);
  return out;
}

/** Estimates of a lab with stacks in two Regions, as lines: each Region's estimate under its heading, then the total of both. */
export function regionalLines(mine: readonly RegionEstimate[], lang: Lang, solution?: readonly RegionEstimate[]): string[] {
  const ko = lang === 'ko';
  const out: string[] = [];
  for (const entry of mine) {
    const name = priceTable.regions[entry.region]?.[lang] ?? entry.region;
    const role = entry.role === 'primary' ? (ko ? '주 리전' : 'primary Region') : ko ? '두 번째 리전' : 'second Region';
    out.push(ko ? `== ${name}(${entry.region}, ${role}) ==` : `== ${name} (${entry.region}, ${role}) ==`);
    if (!entry.estimate) {
      out.push(
        ko
          ? `labs/prices.json에 ${entry.region} 가격이 없어 이 리전은 추정하지 않았습니다.`
          : `labs/prices.json has no ${entry.region} prices: this Region is not estimated.`,
      );
      continue;
    }
    out.push(...estimateLines(entry.estimate, lang, solution?.find((other) => other.role === entry.role)?.estimate));
  }
  const total = totalOf(mine);
  out.push(
    ko
      ? `두 리전 합계: 시간당 약 ${usd(total.hourlyUsd)}, 한 달(730시간) 약 ${usd(total.monthlyUsd, 2)}`
      : `Both Regions together: about ${usd(total.hourlyUsd)} an hour, ${usd(total.monthlyUsd, 2)} a month (730 hours)`,
  );
  return out;
}
