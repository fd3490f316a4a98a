variable "name" {
  type        = string
  description = "Globally unique bucket name."
}

variable "purpose" {
  type        = string
  description = "What the bucket holds (exports, evidence, archives, artifacts); set as the Purpose tag."
}

variable "transition_to_ia_days" {
  type        = number
  description = "Days after which objects move to STANDARD_IA."
  validation {
    condition     = var.transition_to_ia_days >= 30
    error_message = "S3 refuses transitions to STANDARD_IA before 30 days."
  }
}

variable "transition_to_glacier_days" {
  type        = number
  description = "Days after which objects move to GLACIER_IR (after the STANDARD_IA transition)."
}

variable "expiration_days" {
  type        = number
  description = "Days after which current objects are deleted; null keeps them (evidence packs, archives)."
  default     = null
}

variable "noncurrent_version_expiration_days" {
  type        = number
  description = "Days to keep overwritten or deleted object versions."
}

variable "object_lock_retention_days" {
  type        = number
  description = "Default COMPLIANCE-mode object lock in days (evidence packs cannot be altered or deleted before then); null for no object lock."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource."
}
