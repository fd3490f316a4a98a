data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  # MSK IAM resources share the cluster's "<name>/<uuid>" path under other resource types.
  msk_topics = "${replace(var.msk_cluster_arn, ":cluster/", ":topic/")}/${var.topic_prefix}*"
  msk_groups = "${replace(var.msk_cluster_arn, ":cluster/", ":group/")}/${var.consumer_group_prefix}*"
  msk_txns   = "${replace(var.msk_cluster_arn, ":cluster/", ":transactional-id/")}/${var.consumer_group_prefix}*"
  flink_logs = "arn:aws:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:${var.flink_log_group_name}"
}

# Kafka access shared by both roles: read and write recon's topics, commit offsets, run
# transactions (exactly-once sinks). No topic creation or deletion: operators provision topics.
data "aws_iam_policy_document" "kafka" {
  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [var.msk_cluster_arn]
  }
  statement {
    sid = "Topics"
    actions = [
      "kafka-cluster:DescribeTopic",
      "kafka-cluster:ReadData",
      "kafka-cluster:WriteData",
    ]
    resources = [local.msk_topics]
  }
  statement {
    sid       = "Groups"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = [local.msk_groups]
  }
  statement {
    sid = "Transactions"
    actions = [
      "kafka-cluster:DescribeTransactionalId",
      "kafka-cluster:AlterTransactionalId",
      "kafka-cluster:WriteDataIdempotently",
    ]
    resources = [local.msk_txns, var.msk_cluster_arn]
  }
}

data "aws_iam_policy_document" "flink_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["kinesisanalytics.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "flink" {
  source_policy_documents = [data.aws_iam_policy_document.kafka.json]

  statement {
    sid       = "JobJar"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${var.artifacts_bucket_arn}/${var.job_jar_key}"]
  }
  statement {
    sid       = "DecryptJobJar"
    actions   = ["kms:Decrypt"]
    resources = [var.artifacts_kms_key_arn]
  }
  statement {
    sid       = "DatabaseCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.app_db_secret_arn]
  }
  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]
  }
  statement {
    sid       = "Logs"
    actions   = ["logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = [local.flink_logs, "${local.flink_logs}:log-stream:*"]
  }
  # Managed Flink attaches network interfaces in the VPC; these EC2 calls do not support
  # resource-level scoping beyond what the VPC condition expresses.
  statement {
    sid = "VpcAccess"
    actions = [
      "ec2:DescribeVpcs",
      "ec2:DescribeSubnets",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeDhcpOptions",
      "ec2:DescribeNetworkInterfaces",
      "ec2:CreateNetworkInterface",
      "ec2:CreateNetworkInterfacePermission",
      "ec2:DeleteNetworkInterface",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role" "flink" {
  name               = "${var.name}-flink"
  description        = "Execution role of the recon Managed Flink applications"
  assume_role_policy = data.aws_iam_policy_document.flink_trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "flink" {
  name   = "recon-jobs"
  role   = aws_iam_role.flink.id
  policy = data.aws_iam_policy_document.flink.json
}

data "aws_iam_policy_document" "platform_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = [var.platform_trusted_service]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "platform" {
  source_policy_documents = [data.aws_iam_policy_document.kafka.json]

  statement {
    sid       = "Buckets"
    actions   = ["s3:ListBucket"]
    resources = var.platform_bucket_arns
  }
  # Put and Get only: the platform never deletes exports, evidence packs or archives;
  # lifecycle rules and object lock decide when they go.
  statement {
    sid       = "Objects"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = [for arn in var.platform_bucket_arns : "${arn}/*"]
  }
  statement {
    sid       = "BucketKeys"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = var.platform_bucket_kms_key_arns
  }
  statement {
    sid       = "Credentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = concat([var.app_db_secret_arn], var.provider_secret_arns)
  }
  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]
  }
  # PutMetricData has no resource ARN; the namespace condition is what narrows it.
  statement {
    sid       = "AlarmMetrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = [var.metrics_namespace]
    }
  }
}

resource "aws_iam_role" "platform" {
  name               = "${var.name}-platform"
  description        = "Role of recon run (connectors, HTTP API and UI, exports, evidence packs)"
  assume_role_policy = data.aws_iam_policy_document.platform_trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "platform" {
  name   = "recon-platform"
  role   = aws_iam_role.platform.id
  policy = data.aws_iam_policy_document.platform.json
}
