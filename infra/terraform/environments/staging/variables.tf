variable "region" {
  type        = string
  description = "AWS region to deploy into."
}

variable "bucket_prefix" {
  type        = string
  description = "Globally unique prefix for bucket names, e.g. acme-recon-staging."
}

variable "alarm_emails" {
  type        = set(string)
  description = "Addresses that receive alarm notifications."
}

variable "job_jar_key" {
  type        = string
  description = "Object key of the job jar in the artifacts bucket."
  default     = "jobs/recon-jobs.jar"
}

variable "job_jar_version" {
  type        = string
  description = "S3 version id of the uploaded job jar (printed by `aws s3api put-object`); a new id upgrades both jobs from a snapshot."
}

variable "provider_credential_names" {
  type        = set(string)
  description = "Connector credential secrets to create (values are put in out of band)."
  default     = []
}

variable "owner" {
  type        = string
  description = "Team responsible for the deployment, set as the Owner tag."
}
