resource "aws_kms_key" "msk" {
  description         = "${var.name} MSK data at rest"
  enable_key_rotation = true
  tags                = var.tags
}

resource "aws_cloudwatch_log_group" "brokers" {
  name              = "/recon/${var.name}/msk"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

# Topics are created by `recon run` (TopicProvisioner) with explicit partitions and replication, so
# auto-creation is off: a typo in a topic name fails instead of creating an unreplicated topic.
# transaction.max.timeout.ms stays at 15 min: the jobs' Kafka sinks use a 60 s transaction timeout.
resource "aws_msk_configuration" "this" {
  name           = "${var.name}-config"
  kafka_versions = [var.kafka_version]
  server_properties = join("\n", [
    "auto.create.topics.enable=false",
    "default.replication.factor=3",
    "min.insync.replicas=2",
    "unclean.leader.election.enable=false",
    "transaction.state.log.replication.factor=3",
    "transaction.state.log.min.isr=2",
    "offsets.topic.replication.factor=3",
    "transaction.max.timeout.ms=900000",
  ])
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.broker_count
  enhanced_monitoring    = "PER_TOPIC_PER_PARTITION"

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = var.security_group_ids
    storage_info {
      ebs_storage_info {
        volume_size = var.broker_volume_gb
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  # IAM access control only: no SCRAM users whose passwords would need rotating.
  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }

  open_monitoring {
    prometheus {
      jmx_exporter {
        enabled_in_broker = true
      }
      node_exporter {
        enabled_in_broker = true
      }
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.brokers.name
      }
    }
  }

  tags = var.tags
}
