variable "name" {
  type        = string
  description = "Prefix of application names, e.g. recon-production (applications are recon-production-normalize, ...)."
}

variable "runtime_environment" {
  type        = string
  description = "Managed Flink runtime; the recon jobs are built against Flink 2.2."
  validation {
    condition     = can(regex("^FLINK-2_[0-9]+$", var.runtime_environment))
    error_message = "runtime_environment must be a Flink 2.x runtime such as FLINK-2_2: the jobs use the Flink 2 APIs."
  }
}

variable "service_role_arn" {
  type        = string
  description = "Execution role of the applications."
}

variable "artifacts_bucket_arn" {
  type        = string
  description = "Bucket holding the job jar."
}

variable "job_jar_key" {
  type        = string
  description = "Object key of the job jar, e.g. jobs/recon-jobs.jar."
}

variable "job_jar_version" {
  type        = string
  description = "S3 object version of the job jar to run; changing it upgrades the applications from a snapshot."
}

variable "jobs" {
  type = map(object({
    parallelism         = number
    parallelism_per_kpu = number
  }))
  description = "One application per recon job, keyed by the job name the entry class accepts (normalize, match), with its initial parallelism; autoscaling adjusts it from there."
}

variable "checkpoint_interval_ms" {
  type        = number
  description = "Checkpoint interval; also the floor of end-to-end latency, since Kafka transactions commit on checkpoints."
  validation {
    condition     = var.checkpoint_interval_ms >= 1000
    error_message = "checkpoint_interval_ms must be at least 1000."
  }
}

variable "properties" {
  type        = map(string)
  description = "Runtime properties of the property group `recon` (Kafka bootstrap, JDBC URL, secret ARNs, topic names); no secret values, only where to find them."
}

variable "posting_rules" {
  type        = string
  default     = ""
  description = "Runtime property recon.postingRules: the matching job's posting tables as [TENANT=]RESOURCE, comma-separated, each RESOURCE a table YAML packed into the job jar (jar uf recon-jobs.jar posting/acme.yaml, then upload it as a new job_jar_version), e.g. \"posting/default.yaml,acme=posting/acme.yaml\". Empty: the built-in table for every tenant."
  validation {
    condition     = length(var.posting_rules) <= 2048
    error_message = "posting_rules is a runtime property value: at most 2048 characters."
  }
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets the applications attach to."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the applications."
}

variable "log_group_name" {
  type        = string
  description = "CloudWatch log group created here for the applications' logs."
}

variable "log_retention_days" {
  type        = number
  description = "Days to keep application logs."
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource."
}
