import type { ResourceGraph } from '../graph';
import { CannotEvaluate, isRef, isTokenString, isUnresolved, parametersIn, type Resource } from '../types';
import { caches } from './cache';
import { isReadReplica } from './database';
import { instanceRoleOf, roleStatements } from './iam';
import { actionMatches, coversAction } from './policies';
import { launchSpecOf } from './security-groups';
import { stringProp } from './values';

/** What an endpoint handed to the servers leads to. */
export type EndpointRole = 'reader' | 'writer' | 'cache';

/** One endpoint found in a server's configuration. */
export interface EndpointUse {
  readonly role: EndpointRole;
  /** The database, proxy or cache it belongs to; undefined for a hard-coded host name of nothing in the stack. */
  readonly resource?: Resource;
  /** Written as a literal host name in the template instead of a reference (template mode only). */
  readonly hardCoded?: string;
}

/** Host names AWS gives databases and caches, as they appear when written out by hand. */
const AWS_HOST = /[a-z0-9][a-z0-9.-]*\.(rds|cache)\.amazonaws\.com(\.cn)?/gi;

/** The endpoint attributes that lead to readers, writers and caches, by resource type. */
function roleOfAttribute(graph: ResourceGraph, resource: Resource, attribute: string): EndpointRole | undefined {
  const name = attribute.toLowerCase();
  switch (resource.type) {
    case 'AWS::RDS::DBInstance':
      if (name !== 'endpoint.address') return undefined;
      return isReadReplica(resource) ? 'reader' : 'writer';
    case 'AWS::RDS::DBCluster':
      if (name === 'readendpoint.address') return 'reader';
      return name === 'endpoint.address' ? 'writer' : undefined;
    case 'AWS::RDS::DBProxyEndpoint':
      if (name !== 'endpoint') return undefined;
      return stringProp(graph, resource, 'TargetRole')?.toUpperCase() === 'READ_ONLY' ? 'reader' : 'writer';
    case 'AWS::RDS::DBProxy':
      return name === 'endpoint' ? 'writer' : undefined;
    case 'AWS::ElastiCache::ReplicationGroup':
    case 'AWS::ElastiCache::ServerlessCache':
    case 'AWS::ElastiCache::CacheCluster':
      return /endpoint\.address$/.test(name) ? 'cache' : undefined;
    default:
      return undefined;
  }
}

/** Live mode: the endpoints the live loader recorded, host name → what it leads to. */
function liveEndpoints(graph: ResourceGraph): Map<string, { role: EndpointRole; resource: Resource }> {
  const found = new Map<string, { role: EndpointRole; resource: Resource }>();
  const add = (host: unknown, role: EndpointRole | undefined, resource: Resource): void => {
    if (typeof host === 'string' && host && role) found.set(host.toLowerCase(), { role, resource });
  };
  for (const resource of graph.all()) {
    const live = resource.live ?? {};
    if (resource.type === 'AWS::RDS::DBInstance') add(live.endpoint, isReadReplica(resource) ? 'reader' : 'writer', resource);
    if (resource.type === 'AWS::RDS::DBCluster') {
      add(live.endpoint, 'writer', resource);
      add(live.readerEndpoint, 'reader', resource);
    }
    if (resource.type === 'AWS::RDS::DBProxy') add(live.endpoint, 'writer', resource);
    if (resource.type === 'AWS::RDS::DBProxyEndpoint')
      add(live.endpoint, stringProp(graph, resource, 'TargetRole')?.toUpperCase() === 'READ_ONLY' ? 'reader' : 'writer', resource);
  }
  for (const cache of caches(graph)) {
    for (const host of (cache.live?.endpoints as unknown[] | undefined) ?? []) add(host, 'cache', cache);
  }
  return found;
}

/**
 * The database and cache endpoints a configuration value hands over: references to an endpoint
 * attribute (template), host names equal to a deployed endpoint (live), and host names of AWS
 * databases and caches written out by hand (template: reported as hard-coded). A value chosen at
 * deploy time throws CannotEvaluate naming its parameters, so the engine judges what they admit.
 */
export function endpointsIn(graph: ResourceGraph, value: unknown, what: string): EndpointUse[] {
  const live = graph.kind === 'live' ? liveEndpoints(graph) : undefined;
  const found: EndpointUse[] = [];
  const visit = (node: unknown): void => {
    if (isUnresolved(node)) {
      if (node.parameter) throw new CannotEvaluate(`${what}: ${node.$unresolved}`, undefined, parametersIn(node));
      node.refs?.forEach(visit);
    } else if (isRef(node)) {
      const resource = graph.get(node.$ref);
      const role = resource && node.attribute ? roleOfAttribute(graph, resource, node.attribute) : undefined;
      if (resource && role) found.push({ role, resource });
    } else if (isTokenString(node)) node.$join.forEach(visit);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'string') {
      if (live) {
        const text = node.toLowerCase();
        for (const [host, use] of live) if (text.includes(host)) found.push(use);
      } else {
        for (const match of node.matchAll(AWS_HOST)) {
          found.push({ role: match[1].toLowerCase() === 'cache' ? 'cache' : 'reader', hardCoded: match[0] });
        }
      }
    } else if (typeof node === 'object' && node !== null) Object.values(node).forEach(visit);
  };
  visit(value);
  return found;
}

/** The first-boot script of an Auto Scaling group's servers (live mode: decoded from base64). */
export function userDataOf(graph: ResourceGraph, asg: Resource): unknown {
  const spec = launchSpecOf(graph, asg);
  if (!spec) return undefined;
  const value =
    spec.kind === 'launch-template' ? graph.prop(spec.resource, 'LaunchTemplateData.UserData') : graph.prop(spec.resource, 'UserData');
  if (graph.kind === 'live' && typeof value === 'string') return Buffer.from(value, 'base64').toString('utf8');
  return value;
}

/** Every SSM parameter of the stack (AWS::SSM::Parameter). */
export function ssmParameters(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::SSM::Parameter');
}

const READ_PARAMETER_ACTIONS = ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'];

/**
 * True when an Auto Scaling group's instance role may read an SSM parameter: an Allow statement
 * with a GetParameter action on the parameter itself, on a path ARN that covers its name, or on "*".
 */
export function groupMayReadParameter(graph: ResourceGraph, asg: Resource, parameter: Resource): boolean {
  const role = instanceRoleOf(graph, asg);
  if (!role) return false;
  const name = parameterName(graph, parameter);
  const arn = typeof parameter.live?.arn === 'string' ? parameter.live.arn : undefined;
  return roleStatements(graph, role).some(
    (statement) =>
      statement.effect === 'Allow' &&
      READ_PARAMETER_ACTIONS.some((action) => coversAction(statement, action)) &&
      statement.resources.some((resource) => coversParameter(graph, resource, parameter, name, arn)),
  );
}

/** A parameter's name: its Name, or (live) its physical id; undefined when CloudFormation names it. */
function parameterName(graph: ResourceGraph, parameter: Resource): string | undefined {
  const name = graph.prop(parameter, 'Name');
  if (typeof name === 'string') return name;
  return graph.kind === 'live' ? parameter.physicalId : undefined;
}

function coversParameter(graph: ResourceGraph, value: unknown, parameter: Resource, name: string | undefined, arn?: string): boolean {
  if (value === '*') return true;
  if (graph.refsIn(value).includes(parameter)) return true;
  if (typeof value !== 'string') return false;
  if (arn && actionMatches(value, arn)) return true;
  if (name === undefined) return false;
  // Pseudo parameters (${AWS::Region}, ${AWS::AccountId}) stand for this stack's own, which the ARN then has.
  const pattern = value.replace(/\$\{AWS::[A-Za-z]+\}/g, '*');
  const resourcePart = `parameter${name.startsWith('/') ? '' : '/'}${name}`;
  const match = /^arn:[^:]*:ssm:[^:]*:[^:]*:(.*)$/.exec(pattern);
  return match !== null && actionMatches(match[1], resourcePart);
}
