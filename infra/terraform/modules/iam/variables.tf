variable "name" {
  type        = string
  description = "Prefix of role names, e.g. recon-production."
}

variable "msk_cluster_arn" {
  type        = string
  description = "MSK cluster the roles may connect to."
}

variable "topic_prefix" {
  type        = string
  description = "Topics the roles may read and write (recon's topics all start with recon.)."
}

variable "consumer_group_prefix" {
  type        = string
  description = "Consumer groups and transactional ids the roles may use."
}

variable "artifacts_bucket_arn" {
  type        = string
  description = "Bucket holding the job jar."
}

variable "artifacts_kms_key_arn" {
  type        = string
  description = "KMS key of the artifacts bucket."
}

variable "job_jar_key" {
  type        = string
  description = "Object key of the job jar in the artifacts bucket; the Flink role may read this object only."
}

variable "platform_bucket_arns" {
  type        = list(string)
  description = "Buckets recon run writes and reads (exports, evidence packs, archives)."
}

variable "platform_bucket_kms_key_arns" {
  type        = list(string)
  description = "KMS keys of those buckets."
}

variable "app_db_secret_arn" {
  type        = string
  description = "Secret with the application database role's credentials."
}

variable "provider_secret_arns" {
  type        = list(string)
  description = "Connector credential secrets recon run reads."
}

variable "secrets_kms_key_arn" {
  type        = string
  description = "KMS key of the application secrets."
}

variable "flink_log_group_name" {
  type        = string
  description = "CloudWatch log group the Flink applications write to."
}

variable "platform_trusted_service" {
  type        = string
  description = "AWS service principal that runs recon run and assumes the platform role (ECS tasks by default; use an EKS pod identity or IRSA trust instead when running on Kubernetes)."
  default     = "ecs-tasks.amazonaws.com"
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource."
}

variable "metrics_namespace" {
  type        = string
  description = "CloudWatch namespace recon run publishes its alarm metrics to (RECON_CLOUDWATCH_NAMESPACE); the platform role may put metric data there only."
}
