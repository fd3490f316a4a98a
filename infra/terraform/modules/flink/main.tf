resource "aws_cloudwatch_log_group" "jobs" {
  name              = var.log_group_name
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_cloudwatch_log_stream" "job" {
  for_each       = var.jobs
  name           = each.key
  log_group_name = aws_cloudwatch_log_group.jobs.name
}

# One application per job: Managed Flink runs one job per application. Both run the same jar;
# the property recon.job tells the entry class which pipeline to build.
resource "aws_kinesisanalyticsv2_application" "job" {
  for_each               = var.jobs
  name                   = "${var.name}-${each.key}"
  description            = "recon ${each.key} job"
  runtime_environment    = var.runtime_environment
  service_execution_role = var.service_role_arn
  start_application      = true

  application_configuration {
    application_code_configuration {
      code_content_type = "ZIPFILE"
      code_content {
        s3_content_location {
          bucket_arn     = var.artifacts_bucket_arn
          file_key       = var.job_jar_key
          object_version = var.job_jar_version
        }
      }
    }

    environment_properties {
      property_group {
        property_group_id = "recon"
        # recon.postingRules only when given: the jobs' built-in table otherwise
        property_map = merge(
          var.properties,
          { "recon.job" = each.key },
          var.posting_rules == "" ? {} : { "recon.postingRules" = var.posting_rules },
        )
      }
    }

    flink_application_configuration {
      checkpoint_configuration {
        configuration_type            = "CUSTOM"
        checkpointing_enabled         = true
        checkpoint_interval           = var.checkpoint_interval_ms
        min_pause_between_checkpoints = floor(var.checkpoint_interval_ms / 2)
      }

      monitoring_configuration {
        configuration_type = "CUSTOM"
        log_level          = "INFO"
        metrics_level      = "OPERATOR"
      }

      # Autoscaling doubles parallelism on sustained high CPU and halves it when idle, taking a
      # snapshot and restoring from it each time; keyed state is redistributed by key group.
      parallelism_configuration {
        configuration_type   = "CUSTOM"
        auto_scaling_enabled = true
        parallelism          = each.value.parallelism
        parallelism_per_kpu  = each.value.parallelism_per_kpu
      }
    }

    # Snapshots are Managed Flink's savepoints: taken on every update, stop and scale, and the
    # application restores from the latest one, so open items in matching state survive upgrades.
    application_snapshot_configuration {
      snapshots_enabled = true
    }

    run_configuration {
      application_restore_configuration {
        application_restore_type = "RESTORE_FROM_LATEST_SNAPSHOT"
      }
      flink_run_configuration {
        allow_non_restored_state = false
      }
    }

    vpc_configuration {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  cloudwatch_logging_options {
    log_stream_arn = aws_cloudwatch_log_stream.job[each.key].arn
  }

  tags = var.tags
}
