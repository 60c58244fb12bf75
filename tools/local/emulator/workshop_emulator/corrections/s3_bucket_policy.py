"""AWS::S3::BucketPolicy.

moto lacks: a CloudFormation model for bucket policies (its S3 backend implements PutBucketPolicy),
so a stack's bucket policies are skipped. This model puts and deletes the policy through the backend.
"""

import json
from typing import Any

from moto.s3.models import s3_backends
from moto.utilities.utils import get_partition

from ._glue import Glue, register


@register
class BucketPolicy(Glue):
    """The policy of one bucket; the physical id is the bucket name."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::S3::BucketPolicy"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> "BucketPolicy":
        bucket = properties["Bucket"]
        document = properties["PolicyDocument"]
        policy = document if isinstance(document, str) else json.dumps(document)
        s3_backends[account_id][get_partition(region_name)].put_bucket_policy(bucket, policy.encode())
        return cls(bucket, account_id, region_name)

    def update_in_place(self, properties: dict[str, Any]) -> bool:
        if properties["Bucket"] != self.physical_id:
            return False
        self.create(self.physical_id, properties, self.account_id, self.region_name)
        return True

    def remove(self) -> None:
        backend = s3_backends[self.account_id][get_partition(self.region_name)]
        if self.physical_id in backend.buckets:
            backend.delete_bucket_policy(self.physical_id)
