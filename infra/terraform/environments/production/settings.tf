# What differs between staging and production. main.tf is the same file in both environments.
locals {
  environment = "production"
  name        = "recon-${local.environment}"

  tags = {
    Project     = "recon"
    Environment = local.environment
    Owner       = var.owner
    ManagedBy   = "terraform"
  }

  vpc_cidr        = "10.50.0.0/16"
  internet_egress = true
  az_count        = 3

  kafka_version        = "3.9.x"
  broker_count         = 3
  broker_instance_type = "kafka.m7g.xlarge"
  broker_volume_gb     = 1000

  db_engine_version           = "17"
  db_instance_class           = "db.r7g.xlarge"
  db_allocated_storage_gb     = 500
  db_max_allocated_storage_gb = 4000
  db_backup_retention_days    = 35
  db_deletion_protection      = true

  flink_jobs = {
    normalize = { parallelism = 4, parallelism_per_kpu = 1 }
    match     = { parallelism = 8, parallelism_per_kpu = 1 }
  }
  checkpoint_interval_ms = 10000

  exports_expiration_days      = 400
  evidence_lock_days           = 3653
  secret_recovery_window_days  = 30
  log_retention_days           = 400
  consumer_lag_threshold       = 500000
  dead_letter_threshold        = 50
  open_breaks_growth_threshold = 1000
  checkpoint_duration_alarm_ms = 120000
  rds_free_storage_alarm_bytes = 107374182400
}
