variable "name" {
  type        = string
  description = "Cluster name, e.g. recon-production."
}

variable "kafka_version" {
  type        = string
  description = "MSK Kafka version (KRaft). recon's clients are Kafka 4.2, which talk to brokers from 2.1 on."
}

variable "broker_count" {
  type        = number
  description = "Broker nodes; a multiple of the number of subnets, at least 3 so that replication factor 3 and min.insync.replicas 2 survive one broker down."
  validation {
    condition     = var.broker_count >= 3
    error_message = "broker_count must be at least 3 (replication factor 3, min.insync.replicas 2)."
  }
}

variable "broker_instance_type" {
  type        = string
  description = "Broker instance type, e.g. kafka.m7g.large."
}

variable "broker_volume_gb" {
  type        = number
  description = "EBS storage per broker in GiB."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the brokers, one per availability zone."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the brokers."
}

variable "log_retention_days" {
  type        = number
  description = "Days to keep broker logs in CloudWatch Logs."
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource."
}
