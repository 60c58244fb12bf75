import { graphFromTemplate } from '../../sources/template/resolve';
import { handWrittenShop } from '../../rules/fixtures/hand-written-shop';
import { shopTemplate } from '../../rules/fixtures/shop';
import { dbPort, dbSubnetGroup, dbSubnets, primaryDatabases, publicAccess, readReplicas, replicaSource } from './database';

describe('RDS queries', () => {
  it('tells a primary from its read replica and finds the replica source through its ARN', () => {
    const graph = graphFromTemplate(shopTemplate({ readReplica: {} }));
    const [primary] = primaryDatabases(graph);
    const [replica] = readReplicas(graph);
    expect(primary.id).toMatch(/^Orders/);
    expect(replicaSource(graph, replica)).toBe(primary);
    expect(dbPort(graph, replica)).toBe(3306);
    expect(publicAccess(graph, replica)).toEqual({ public: false, explicit: true });
  });

  it('finds a DB subnet group named by string and the engine default port (hand-written)', () => {
    const graph = graphFromTemplate(handWrittenShop());
    const db = graph.get('Database')!;
    expect(dbSubnetGroup(graph, db)?.id).toBe('DbSubnets');
    expect(dbSubnets(graph, db).map((s) => s.id)).toEqual(['DataSubnet1', 'DataSubnet2', 'DataSubnet3']);
    expect(dbPort(graph, db)).toBe(3306);
  });

  it('applies the RDS default when PubliclyAccessible is not set: public in a VPC with an internet gateway', () => {
    const template = handWrittenShop();
    delete template.Resources.Database.Properties.PubliclyAccessible;
    const graph = graphFromTemplate(template);
    expect(publicAccess(graph, graph.get('Database')!)).toEqual({ public: true, explicit: false });
  });
});
