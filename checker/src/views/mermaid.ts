import type { Lang } from '@workshop/catalog';
import type { ArchEdge, ArchNode, Architecture, Missing } from './architecture';

const NO_MISSING: Missing = { nodes: [], edges: [], notes: [] };

/**
 * The architecture as a Mermaid flowchart: the internet, CloudFront, WAF and buckets outside the VPC,
 * the subnets by kind inside one box per AZ, the tiers and the database in the VPC, security-group
 * arrows labelled with their ports, and what the target has but this one lacks dashed in red.
 */
export function toMermaid(architecture: Architecture, lang: Lang, missing: Missing = NO_MISSING): string {
  const out = ['flowchart LR', '  classDef missing fill:#fff5f5,stroke:#d1242f,stroke-width:2px,stroke-dasharray:6 4,color:#d1242f'];
  const missingLabel = lang === 'ko' ? '없음' : 'missing';
  const box = (node: ArchNode, isMissing: boolean): string =>
    `${id(node.key)}["${text(isMissing ? `${missingLabel}: ${node.label[lang]}` : node.label[lang])}"]${isMissing ? ':::missing' : ''}`;
  const internetUsed = [...architecture.edges, ...missing.edges].some((edge) => edge.from === 'internet');
  if (internetUsed) out.push(`  internet(("${lang === 'ko' ? '인터넷' : 'Internet'}"))`);

  const all = [
    ...architecture.nodes.map((node) => ({ node, isMissing: false })),
    ...missing.nodes.map((node) => ({ node, isMissing: true })),
  ];
  for (const { node, isMissing } of all.filter(({ node }) => node.place === 'edge')) out.push(`  ${box(node, isMissing)}`);
  const inVpc = all.filter(({ node }) => node.place !== 'edge');
  if (inVpc.length > 0) {
    out.push('  subgraph vpc ["VPC"]');
    architecture.azs.forEach((az, i) => {
      const members = inVpc.filter(({ node }) => typeof node.place === 'object' && node.place.az === az);
      if (members.length === 0) return;
      out.push(`    subgraph az${i + 1} ["AZ ${i + 1}"]`, '      direction TB');
      for (const { node, isMissing } of members) out.push(`      ${box(node, isMissing)}`);
      out.push('    end');
    });
    for (const { node, isMissing } of inVpc.filter(({ node }) => node.place === 'vpc')) out.push(`    ${box(node, isMissing)}`);
    out.push('  end');
  }

  const links: Array<{ edge: ArchEdge; isMissing: boolean }> = [
    ...architecture.edges.map((edge) => ({ edge, isMissing: false })),
    ...missing.edges.map((edge) => ({ edge, isMissing: true })),
  ];
  const missingIndexes: number[] = [];
  links.forEach(({ edge, isMissing }, i) => {
    const label = isMissing ? `${missingLabel}: ${edge.label}` : edge.label;
    const arrow = isMissing || edge.kind === 'route' || edge.kind === 'protects' ? '-.->' : '-->';
    out.push(`  ${id(edge.from)} ${arrow}|"${text(label)}"| ${id(edge.to)}`);
    if (isMissing) missingIndexes.push(i);
  });
  if (missingIndexes.length > 0) out.push(`  linkStyle ${missingIndexes.join(',')} stroke:#d1242f,stroke-width:2px,color:#d1242f`);
  return `${out.join('\n')}\n`;
}

/** The differences inside boxes and the missing parts as plain lines, for text reports. */
export function missingLines(missing: Missing, lang: Lang): string[] {
  return [
    ...missing.nodes.map((node) => node.label[lang]),
    ...missing.edges.map((edge) => `${edge.from} → ${edge.to} (${edge.label})`),
    ...missing.notes.map((note) => note[lang]),
  ];
}

/** A Mermaid node id from a role key ("AZ 1-public" → "AZ_1_public"). */
function id(key: string): string {
  return key.replace(/[^A-Za-z0-9]/g, '_');
}

/** Label text safe inside Mermaid's quoted labels. */
function text(value: string): string {
  return value.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}
