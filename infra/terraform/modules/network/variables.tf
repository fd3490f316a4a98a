variable "name" {
  type        = string
  description = "Prefix of every resource name, e.g. recon-production."
}

variable "cidr_block" {
  type        = string
  description = "IPv4 range of the VPC; private subnets are carved out of it as /20s."
  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "cidr_block must be a valid IPv4 CIDR range."
  }
}

variable "az_count" {
  type        = number
  description = "Availability zones to spread subnets over; MSK and Multi-AZ RDS need at least 2, production uses 3."
  validation {
    condition     = var.az_count >= 2 && var.az_count <= 6
    error_message = "az_count must be between 2 and 6."
  }
}

variable "region" {
  type        = string
  description = "AWS region, used for the service names of the VPC endpoints."
}

variable "tags" {
  type        = map(string)
  description = "Tags set on every resource (in addition to the provider's default_tags)."
}

variable "internet_egress" {
  type        = bool
  description = "Give recon run (connectors polling PSP APIs, SFTP and IMAP servers) a way out through a NAT gateway; the Flink jobs, brokers and database never get one."
}
