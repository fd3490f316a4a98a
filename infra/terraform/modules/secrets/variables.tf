variable "name" {
  type        = string
  description = "Prefix of secret names, e.g. recon-production (secrets are named recon-production/...)."
}

variable "app_db_username" {
  type        = string
  description = "The application role (NOSUPERUSER NOBYPASSRLS, owns nothing) the jobs and the platform connect as."
}

variable "provider_credential_names" {
  type        = set(string)
  description = "PSP/bank credential secrets to create empty (e.g. stripe-api, adyen-sftp); operators put the values in with the AWS CLI, never through Terraform."
}

variable "recovery_window_days" {
  type        = number
  description = "Days a deleted secret can still be restored."
  validation {
    condition     = var.recovery_window_days >= 7 && var.recovery_window_days <= 30
    error_message = "recovery_window_days must be between 7 and 30."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource."
}
