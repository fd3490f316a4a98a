output "app_db_secret_arn" {
  description = "Secret with the application role's username and password (JSON)."
  value       = aws_secretsmanager_secret.app_db.arn
}

output "provider_secret_arns" {
  description = "Connector credential secrets by name."
  value       = { for k, s in aws_secretsmanager_secret.provider : k => s.arn }
}

output "kms_key_arn" {
  description = "KMS key the secrets are encrypted with (readers need kms:Decrypt)."
  value       = aws_kms_key.secrets.arn
}
