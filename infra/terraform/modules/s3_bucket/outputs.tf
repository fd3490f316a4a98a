output "bucket_id" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the bucket (IAM policies grant on it and on its objects)."
  value       = aws_s3_bucket.this.arn
}

output "kms_key_arn" {
  description = "KMS key of the bucket's objects (writers need kms:GenerateDataKey, readers kms:Decrypt)."
  value       = aws_kms_key.bucket.arn
}
