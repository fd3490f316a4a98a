output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "private_subnet_ids" {
  description = "Private subnets, one per availability zone."
  value       = aws_subnet.private[*].id
}

output "flink_security_group_id" {
  description = "Security group of the Flink applications."
  value       = aws_security_group.flink.id
}

output "platform_security_group_id" {
  description = "Security group for recon run (connectors, API/UI, exports)."
  value       = aws_security_group.platform.id
}

output "msk_security_group_id" {
  description = "Security group of the MSK brokers."
  value       = aws_security_group.msk.id
}

output "rds_security_group_id" {
  description = "Security group of the PostgreSQL instance."
  value       = aws_security_group.rds.id
}
