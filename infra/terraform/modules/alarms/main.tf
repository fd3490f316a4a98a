data "aws_caller_identity" "current" {}

# CloudWatch can publish to an encrypted topic only with a customer-managed key that lets it in.
data "aws_iam_policy_document" "alarm_key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "CloudWatchPublishes"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "alarms" {
  description         = "${var.name} alarm notifications"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.alarm_key.json
  tags                = var.tags
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = var.alarm_emails
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.key
}

locals {
  actions = [aws_sns_topic.alarms.arn]
}

# Lag per consumer group over all its topics, by a Metrics Insights query, so a new topic is
# covered without a new alarm. MSK reports lag only for groups that commit offsets: the jobs'
# Kafka sources commit on checkpoints.
resource "aws_cloudwatch_metric_alarm" "consumer_lag" {
  for_each            = var.consumer_groups
  alarm_name          = "${var.name}-consumer-lag-${each.key}"
  alarm_description   = "Consumer group ${each.key} is more than ${var.consumer_lag_threshold} records behind for 15 minutes"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.consumer_lag_threshold
  evaluation_periods  = 15
  datapoints_to_alarm = 15
  treat_missing_data  = "breaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = "lag"
    return_data = true
    period      = 60
    expression  = "SELECT SUM(SumOffsetLag) FROM SCHEMA(\"AWS/Kafka\", \"Cluster Name\", \"Consumer Group\", Topic) WHERE \"Cluster Name\" = '${var.msk_cluster_name}' AND \"Consumer Group\" = '${each.key}'"
  }

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  alarm_name          = "${var.name}-dead-letters"
  alarm_description   = "More than ${var.dead_letter_threshold} records went to the dead-letter topic in 15 minutes"
  namespace           = var.metrics_namespace
  metric_name         = "DeadLetters"
  dimensions          = { Environment = var.environment }
  statistic           = "Sum"
  period              = 900
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.dead_letter_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "open_breaks_rising" {
  alarm_name          = "${var.name}-open-breaks-rising"
  alarm_description   = "Open breaks grew by more than ${var.open_breaks_growth_threshold} per hour for 3 hours"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.open_breaks_growth_threshold
  evaluation_periods  = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions

  metric_query {
    id = "breaks"
    metric {
      namespace   = var.metrics_namespace
      metric_name = "OpenBreaks"
      dimensions  = { Environment = var.environment }
      stat        = "Maximum"
      period      = 3600
    }
  }

  metric_query {
    id          = "growth"
    expression  = "DIFF(breaks)"
    label       = "Open breaks added per hour"
    return_data = true
  }

  tags = var.tags
}

# fullRestarts and numberOfFailedCheckpoints are counters since the job started: alarm on growth.
resource "aws_cloudwatch_metric_alarm" "job_restarts" {
  for_each            = var.flink_application_names
  alarm_name          = "${var.name}-job-restarts-${each.key}"
  alarm_description   = "The ${each.key} job restarted within 5 minutes"
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  evaluation_periods  = 1
  treat_missing_data  = "breaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id = "restarts"
    metric {
      namespace   = "AWS/KinesisAnalytics"
      metric_name = "fullRestarts"
      dimensions  = { Application = each.value }
      stat        = "Maximum"
      period      = 300
    }
  }

  metric_query {
    id          = "new_restarts"
    expression  = "DIFF(restarts)"
    label       = "Restarts in the last 5 minutes"
    return_data = true
  }

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "checkpoint_failures" {
  for_each            = var.flink_application_names
  alarm_name          = "${var.name}-checkpoint-failures-${each.key}"
  alarm_description   = "The ${each.key} job failed a checkpoint in 2 of the last 3 periods of 5 minutes (its Kafka output stalls until one succeeds)"
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "breaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id = "failed"
    metric {
      namespace   = "AWS/KinesisAnalytics"
      metric_name = "numberOfFailedCheckpoints"
      dimensions  = { Application = each.value }
      stat        = "Maximum"
      period      = 300
    }
  }

  metric_query {
    id          = "new_failures"
    expression  = "DIFF(failed)"
    label       = "Failed checkpoints in the last 5 minutes"
    return_data = true
  }

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "checkpoint_duration" {
  for_each            = var.flink_application_names
  alarm_name          = "${var.name}-checkpoint-duration-${each.key}"
  alarm_description   = "Checkpoints of the ${each.key} job take longer than ${var.checkpoint_duration_threshold_ms} ms"
  namespace           = "AWS/KinesisAnalytics"
  metric_name         = "lastCheckpointDuration"
  dimensions          = { Application = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.checkpoint_duration_threshold_ms
  treat_missing_data  = "breaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "rds_free_storage" {
  alarm_name          = "${var.name}-rds-free-storage"
  alarm_description   = "The ledger database has less than ${var.rds_free_storage_threshold_bytes} bytes free"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = var.rds_instance_id }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "LessThanThreshold"
  threshold           = var.rds_free_storage_threshold_bytes
  treat_missing_data  = "breaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}
