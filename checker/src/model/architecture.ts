import type { LocalizedText } from '@workshop/catalog';

/** One box of the drawing: a role of the architecture (not a construct id), so two variants compare. */
export interface ArchNode {
  /** Stable role key: "alb-external", "web", "database", "servers-1"... */
  readonly key: string;
  readonly label: LocalizedText;
  /** Where it is drawn: outside the VPC, inside it, or inside one AZ. */
  readonly place: 'edge' | 'vpc' | { readonly az: string };
  /** The graph resources it stands for. */
  readonly resources: readonly string[];
}

/** One arrow: traffic a security group lets in (ports), or a CloudFront origin, WAF or endpoint link. */
export interface ArchEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly kind: 'security-group' | 'origin' | 'protects' | 'route';
}

/** What a learner built, as roles and arrows, ready to draw. */
export interface Architecture {
  /** The AZs in order, labelled "AZ 1", "AZ 2"... */
  readonly azs: readonly string[];
  readonly nodes: readonly ArchNode[];
  readonly edges: readonly ArchEdge[];
  /** Parts the checker could not read (a deploy-time value), in words. */
  readonly unreadable: readonly string[];
}

/** What the target has and this architecture lacks. */
export interface Missing {
  readonly nodes: readonly ArchNode[];
  readonly edges: readonly ArchEdge[];
  /** Differences inside a box: fewer AZs, no Multi-AZ, no NAT gateway per AZ... */
  readonly notes: readonly LocalizedText[];
}
