# What differs between staging and production. main.tf is the same file in both environments.
locals {
  environment = "staging"
  name        = "recon-${local.environment}"

  tags = {
    Project     = "recon"
    Environment = local.environment
    Owner       = var.owner
    ManagedBy   = "terraform"
  }

  vpc_cidr        = "10.40.0.0/16"
  internet_egress = true
  az_count        = 2

  kafka_version        = "3.9.x"
  broker_count         = 3
  broker_instance_type = "kafka.m7g.large"
  broker_volume_gb     = 100

  db_engine_version           = "17"
  db_instance_class           = "db.m7g.large"
  db_allocated_storage_gb     = 50
  db_max_allocated_storage_gb = 200
  db_backup_retention_days    = 7
  db_deletion_protection      = false

  flink_jobs = {
    normalize = { parallelism = 2, parallelism_per_kpu = 1 }
    match     = { parallelism = 2, parallelism_per_kpu = 1 }
  }
  checkpoint_interval_ms = 10000

  exports_expiration_days      = 90
  evidence_lock_days           = 30
  secret_recovery_window_days  = 7
  log_retention_days           = 30
  consumer_lag_threshold       = 100000
  dead_letter_threshold        = 100
  open_breaks_growth_threshold = 500
  checkpoint_duration_alarm_ms = 60000
  rds_free_storage_alarm_bytes = 10737418240
}
