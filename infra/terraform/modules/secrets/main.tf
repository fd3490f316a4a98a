resource "aws_kms_key" "secrets" {
  description         = "${var.name} application secrets"
  enable_key_rotation = true
  tags                = var.tags
}

# The generated password lives in the state too: keep the state in the encrypted S3 backend
# (see infra/README.md). `recon migrate` creates the role with this password.
resource "random_password" "app_db" {
  length           = 40
  special          = true
  override_special = "-_.~"
}

resource "aws_secretsmanager_secret" "app_db" {
  name                    = "${var.name}/db/app"
  description             = "PostgreSQL credentials of the application role ${var.app_db_username}"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "app_db" {
  secret_id = aws_secretsmanager_secret.app_db.id
  secret_string = jsonencode({
    username = var.app_db_username
    password = random_password.app_db.result
  })
}

resource "aws_secretsmanager_secret" "provider" {
  for_each                = var.provider_credential_names
  name                    = "${var.name}/providers/${each.key}"
  description             = "Credentials of the ${each.key} connector (value set out of band)"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}
