variable "name" {
  type        = string
  description = "Instance identifier, e.g. recon-production."
}

variable "engine_version" {
  type        = string
  description = "PostgreSQL major version; the migrations are tested against PostgreSQL 17."
}

variable "instance_class" {
  type        = string
  description = "Instance class, e.g. db.m7g.large."
}

variable "allocated_storage_gb" {
  type        = number
  description = "Initial gp3 storage in GiB."
}

variable "max_allocated_storage_gb" {
  type        = number
  description = "Ceiling for storage autoscaling in GiB."
}

variable "database_name" {
  type        = string
  description = "Database created on the instance."
}

variable "master_username" {
  type        = string
  description = "Owner role that runs `recon migrate`; its password is generated and kept in Secrets Manager by RDS."
}

variable "backup_retention_days" {
  type        = number
  description = "Days of automated backups, which is also the point-in-time-recovery window."
  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 7 and 35: finance needs at least a week of point-in-time recovery."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the instance; true in production."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets in at least two availability zones."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the instance."
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource."
}
