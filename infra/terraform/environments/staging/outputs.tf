output "vpc_id" {
  description = "VPC of the deployment."
  value       = module.network.vpc_id
}

output "platform_security_group_id" {
  description = "Security group to give the hosts or pods that run recon run."
  value       = module.network.platform_security_group_id
}

output "kafka_bootstrap" {
  description = "RECON_KAFKA for recon run and recon submit (IAM-authenticated TLS)."
  value       = module.msk.bootstrap_brokers_iam
}

output "db_url" {
  description = "RECON_DB_URL for recon run and recon migrate."
  value       = module.rds.jdbc_url
}

output "db_master_secret_arn" {
  description = "Secret with the owner role's credentials, for recon migrate."
  value       = module.rds.master_user_secret_arn
}

output "db_kms_key_arn" {
  description = "KMS key of the database storage and snapshots (needed to share or copy snapshots)."
  value       = module.rds.kms_key_arn
}

output "app_db_secret_arn" {
  description = "Secret with the application role's credentials."
  value       = module.secrets.app_db_secret_arn
}

output "buckets" {
  description = "Bucket names by purpose."
  value = {
    exports   = module.exports_bucket.bucket_id
    evidence  = module.evidence_bucket.bucket_id
    archives  = module.archives_bucket.bucket_id
    artifacts = module.artifacts_bucket.bucket_id
  }
}

output "platform_role_arn" {
  description = "Role for the hosts or pods that run recon run."
  value       = module.iam.platform_role_arn
}

output "flink_applications" {
  description = "Managed Flink application names per job."
  value       = module.flink.application_names
}

output "flink_application_arns" {
  description = "Managed Flink application ARNs per job."
  value       = module.flink.application_arns
}

output "alarm_topic_arn" {
  description = "SNS topic of all alarms."
  value       = module.alarms.alarm_topic_arn
}
