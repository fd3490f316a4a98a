# The same file in staging and production: the differences live in settings.tf.

locals {
  topic_prefix          = "recon."
  consumer_group_prefix = "recon-"
  flink_log_group       = "/recon/${local.name}/flink"
  app_db_username       = "recon_app"

  # recon run publishes DeadLetters and OpenBreaks here (RECON_CLOUDWATCH_NAMESPACE); alarms read them
  metrics_namespace = "Recon"
}

module "network" {
  source          = "../../modules/network"
  name            = local.name
  cidr_block      = local.vpc_cidr
  az_count        = local.az_count
  internet_egress = local.internet_egress
  region          = var.region
  tags            = local.tags
}

module "msk" {
  source               = "../../modules/msk"
  name                 = local.name
  kafka_version        = local.kafka_version
  broker_count         = local.broker_count
  broker_instance_type = local.broker_instance_type
  broker_volume_gb     = local.broker_volume_gb
  subnet_ids           = module.network.private_subnet_ids
  security_group_ids   = [module.network.msk_security_group_id]
  log_retention_days   = local.log_retention_days
  tags                 = local.tags
}

module "rds" {
  source                   = "../../modules/rds"
  name                     = local.name
  engine_version           = local.db_engine_version
  instance_class           = local.db_instance_class
  allocated_storage_gb     = local.db_allocated_storage_gb
  max_allocated_storage_gb = local.db_max_allocated_storage_gb
  database_name            = "recon"
  master_username          = "recon_owner"
  backup_retention_days    = local.db_backup_retention_days
  deletion_protection      = local.db_deletion_protection
  subnet_ids               = module.network.private_subnet_ids
  security_group_ids       = [module.network.rds_security_group_id]
  tags                     = local.tags
}

module "exports_bucket" {
  source                             = "../../modules/s3_bucket"
  name                               = "${var.bucket_prefix}-exports"
  purpose                            = "exports"
  transition_to_ia_days              = 30
  transition_to_glacier_days         = 60
  expiration_days                    = local.exports_expiration_days
  noncurrent_version_expiration_days = 30
  tags                               = local.tags
}

module "evidence_bucket" {
  source                             = "../../modules/s3_bucket"
  name                               = "${var.bucket_prefix}-evidence"
  purpose                            = "evidence-packs"
  transition_to_ia_days              = 90
  transition_to_glacier_days         = 365
  noncurrent_version_expiration_days = 365
  object_lock_retention_days         = local.evidence_lock_days
  tags                               = local.tags
}

module "archives_bucket" {
  source                             = "../../modules/s3_bucket"
  name                               = "${var.bucket_prefix}-archives"
  purpose                            = "archives"
  transition_to_ia_days              = 30
  transition_to_glacier_days         = 90
  noncurrent_version_expiration_days = 90
  tags                               = local.tags
}

module "artifacts_bucket" {
  source                             = "../../modules/s3_bucket"
  name                               = "${var.bucket_prefix}-artifacts"
  purpose                            = "artifacts"
  transition_to_ia_days              = 90
  transition_to_glacier_days         = 365
  noncurrent_version_expiration_days = 180
  tags                               = local.tags
}

module "secrets" {
  source                    = "../../modules/secrets"
  name                      = local.name
  app_db_username           = local.app_db_username
  provider_credential_names = var.provider_credential_names
  recovery_window_days      = local.secret_recovery_window_days
  tags                      = local.tags
}

module "iam" {
  source                = "../../modules/iam"
  name                  = local.name
  msk_cluster_arn       = module.msk.cluster_arn
  topic_prefix          = local.topic_prefix
  consumer_group_prefix = local.consumer_group_prefix
  artifacts_bucket_arn  = module.artifacts_bucket.bucket_arn
  artifacts_kms_key_arn = module.artifacts_bucket.kms_key_arn
  job_jar_key           = var.job_jar_key
  platform_bucket_arns = [
    module.exports_bucket.bucket_arn,
    module.evidence_bucket.bucket_arn,
    module.archives_bucket.bucket_arn,
  ]
  platform_bucket_kms_key_arns = [
    module.exports_bucket.kms_key_arn,
    module.evidence_bucket.kms_key_arn,
    module.archives_bucket.kms_key_arn,
  ]
  app_db_secret_arn    = module.secrets.app_db_secret_arn
  provider_secret_arns = values(module.secrets.provider_secret_arns)
  secrets_kms_key_arn  = module.secrets.kms_key_arn
  flink_log_group_name = local.flink_log_group
  metrics_namespace    = local.metrics_namespace
  tags                 = local.tags
}

module "flink" {
  source                 = "../../modules/flink"
  name                   = local.name
  runtime_environment    = "FLINK-2_2"
  service_role_arn       = module.iam.flink_role_arn
  artifacts_bucket_arn   = module.artifacts_bucket.bucket_arn
  job_jar_key            = var.job_jar_key
  job_jar_version        = var.job_jar_version
  jobs                   = local.flink_jobs
  checkpoint_interval_ms = local.checkpoint_interval_ms
  # Where to find things, never the secrets themselves: the entry class reads the password
  # from Secrets Manager at start-up.
  properties = {
    # read by dev.recon.app.cluster.ClusterJobs (ManagedFlinkSettings); production mode refuses
    # plaintext Kafka, an unverified database connection and literal secrets
    "recon.mode"                      = "production"
    "recon.kafka.bootstrap"           = module.msk.bootstrap_brokers_iam
    "recon.kafka.securityProtocol"    = "SASL_SSL"
    "recon.kafka.saslMechanism"       = "AWS_MSK_IAM"
    "recon.kafka.consumerGroupPrefix" = local.consumer_group_prefix
    "recon.db.url"                    = module.rds.jdbc_url
    "recon.db.credentialsSecretArn"   = module.secrets.app_db_secret_arn
    "recon.aws.region"                = var.region
  }
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.network.flink_security_group_id]
  log_group_name     = local.flink_log_group
  log_retention_days = local.log_retention_days
  tags               = local.tags
}

module "alarms" {
  source                           = "../../modules/alarms"
  name                             = local.name
  alarm_emails                     = var.alarm_emails
  msk_cluster_name                 = module.msk.cluster_name
  consumer_groups                  = toset([for job in keys(local.flink_jobs) : "${local.consumer_group_prefix}${job}"])
  consumer_lag_threshold           = local.consumer_lag_threshold
  flink_application_names          = module.flink.application_names
  checkpoint_duration_threshold_ms = local.checkpoint_duration_alarm_ms
  metrics_namespace                = local.metrics_namespace
  environment                      = local.environment
  dead_letter_threshold            = local.dead_letter_threshold
  open_breaks_growth_threshold     = local.open_breaks_growth_threshold
  rds_instance_id                  = module.rds.instance_id
  rds_free_storage_threshold_bytes = local.rds_free_storage_alarm_bytes
  tags                             = local.tags
}
