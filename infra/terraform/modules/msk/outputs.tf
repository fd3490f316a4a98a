output "cluster_arn" {
  description = "ARN of the MSK cluster (IAM policies scope topics and groups under it)."
  value       = aws_msk_cluster.this.arn
}

output "cluster_name" {
  description = "Name of the MSK cluster (the Cluster Name dimension of AWS/Kafka metrics)."
  value       = aws_msk_cluster.this.cluster_name
}

output "bootstrap_brokers_iam" {
  description = "Bootstrap servers for IAM-authenticated TLS clients (RECON_KAFKA)."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
}
