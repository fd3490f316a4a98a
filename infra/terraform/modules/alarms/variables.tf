variable "name" {
  type        = string
  description = "Prefix of alarm names, e.g. recon-production."
}

variable "alarm_emails" {
  type        = set(string)
  description = "Addresses subscribed to the alarm topic (each must confirm the subscription)."
}

variable "msk_cluster_name" {
  type        = string
  description = "MSK cluster whose consumer lag is watched."
}

variable "consumer_groups" {
  type        = set(string)
  description = "Kafka consumer groups of the recon jobs; an alarm per group on its total offset lag."
}

variable "consumer_lag_threshold" {
  type        = number
  description = "Records behind, summed over a group's topics and partitions, that raise the lag alarm."
}

variable "flink_application_names" {
  type        = map(string)
  description = "Managed Flink application name per job."
}

variable "checkpoint_duration_threshold_ms" {
  type        = number
  description = "Checkpoint duration that raises an alarm (a growing duration precedes checkpoint timeouts)."
}

variable "metrics_namespace" {
  type        = string
  description = "CloudWatch namespace recon publishes its own metrics to (DeadLetters, OpenBreaks; see infra/monitoring/README.md)."
}

variable "environment" {
  type        = string
  description = "Value of the Environment dimension on recon's own metrics."
}

variable "dead_letter_threshold" {
  type        = number
  description = "Dead letters within 15 minutes that raise an alarm."
}

variable "open_breaks_growth_threshold" {
  type        = number
  description = "Growth of open breaks within an hour, sustained for three hours, that raises an alarm."
}

variable "rds_instance_id" {
  type        = string
  description = "PostgreSQL instance whose free storage is watched."
}

variable "rds_free_storage_threshold_bytes" {
  type        = number
  description = "Free storage below which an alarm is raised (storage autoscaling has a ceiling)."
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource."
}
