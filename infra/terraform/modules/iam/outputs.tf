output "flink_role_arn" {
  description = "Execution role of the Managed Flink applications."
  value       = aws_iam_role.flink.arn
}

output "platform_role_arn" {
  description = "Role for recon run (connectors, API/UI, exports)."
  value       = aws_iam_role.platform.arn
}
