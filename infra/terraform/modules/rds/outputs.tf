output "instance_id" {
  description = "Identifier of the instance (the DBInstanceIdentifier dimension of AWS/RDS metrics)."
  value       = aws_db_instance.this.identifier
}

output "jdbc_url" {
  description = "JDBC URL of the database with TLS required (RECON_DB_URL)."
  value       = "jdbc:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${aws_db_instance.this.db_name}?sslmode=verify-full"
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret RDS keeps the master credentials in (for `recon migrate`)."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "kms_key_arn" {
  description = "KMS key of storage, snapshots and the master secret."
  value       = aws_kms_key.rds.arn
}
