"""A stack's route tables, NAT and internet gateways, gateway attachments, Elastic IPs and VPC endpoints are deleted with it.

moto lacks: its CloudFormation models of ``AWS::EC2::RouteTable``, ``NatGateway``,
``InternetGateway``, ``VPCGatewayAttachment`` (of an internet gateway), ``EIP`` and ``VPCEndpoint``
(moto/ec2/models/) have no delete, so DeleteStack skips them silently. The VPC's own delete then refuses (``delete_vpc`` allows only the main route
table), so every stack with a VPC failed to delete ("The vpc ... has dependencies and cannot be
deleted") while moto dropped the stack and kept the VPC, its gateways and addresses. This correction
gives each model a delete through the EC2 backend, as the matching API action does (a NAT gateway's
delete also removes its network interface, as on AWS). A resource already gone is not an error.
"""

from moto.ec2.models import ec2_backends
from moto.ec2.models.elastic_ip_addresses import ElasticAddress
from moto.ec2.models.internet_gateways import InternetGateway
from moto.ec2.models.nat_gateways import NatGateway
from moto.ec2.models.route_tables import RouteTable
from moto.ec2.models.vpcs import VPCEndPoint
from moto.ec2.models.vpn_gateway import VPCGatewayAttachment


def delete_route_table(self: RouteTable, account_id: str, region_name: str) -> None:
    """DeleteRouteTable (its subnet associations and routes are deleted first: they refer to it)."""
    backend = ec2_backends[account_id][region_name]
    if self.id in backend.route_tables:
        backend.delete_route_table(self.id)


def delete_nat_gateway(self: NatGateway, account_id: str, region_name: str) -> None:
    """DeleteNatGateway: the gateway is `deleted`, its Elastic IP disassociated and its network interface removed."""
    backend = ec2_backends[account_id][region_name]
    if backend.nat_gateways.get(self.id) is not self or self.state == "deleted":
        return
    for address in backend.addresses:
        if address.eni is self._eni:
            backend.disassociate_address(address=address.public_ip)
    backend.enis.pop(self._eni.id, None)
    backend.delete_nat_gateway(self.id)


def delete_internet_gateway(self: InternetGateway, account_id: str, region_name: str) -> None:
    """DeleteInternetGateway (its attachment is deleted first: it refers to it)."""
    backend = ec2_backends[account_id][region_name]
    if self.id in backend.internet_gateways:
        backend.delete_internet_gateway(self.id)


def delete_gateway_attachment(self: VPCGatewayAttachment, account_id: str, region_name: str) -> None:
    """DetachInternetGateway (a VPN gateway's attachment keeps moto's behaviour: no delete)."""
    backend = ec2_backends[account_id][region_name]
    gateway = backend.internet_gateways.get(self.gateway_id or "")
    if gateway is not None and gateway.vpc is not None and gateway.vpc.id == self.vpc_id:
        backend.detach_internet_gateway(gateway.id, self.vpc_id)


def delete_address(self: ElasticAddress, account_id: str, region_name: str) -> None:
    """ReleaseAddress."""
    backend = ec2_backends[account_id][region_name]
    if self in backend.addresses:
        backend.release_address(address=self.public_ip)


def delete_vpc_endpoint(self: VPCEndPoint, account_id: str, region_name: str) -> None:
    """DeleteVpcEndpoints (a gateway endpoint's routes go with it)."""
    backend = ec2_backends[account_id][region_name]
    if self.id in backend.vpc_end_points and self.state != "deleted":
        backend.delete_vpc_endpoints([self.id])


def apply() -> None:
    """Gives moto's RouteTable, NatGateway, InternetGateway, VPCGatewayAttachment, ElasticAddress and VPCEndPoint a delete."""
    RouteTable.delete = delete_route_table  # type: ignore[attr-defined]
    NatGateway.delete = delete_nat_gateway  # type: ignore[attr-defined]
    InternetGateway.delete = delete_internet_gateway  # type: ignore[attr-defined]
    VPCGatewayAttachment.delete = delete_gateway_attachment  # type: ignore[attr-defined]
    ElasticAddress.delete = delete_address  # type: ignore[attr-defined]
    VPCEndPoint.delete = delete_vpc_endpoint  # type: ignore[attr-defined]
