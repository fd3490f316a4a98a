output "application_names" {
  description = "Application name per job (the Application dimension of AWS/KinesisAnalytics metrics)."
  value       = { for job, app in aws_kinesisanalyticsv2_application.job : job => app.name }
}

output "application_arns" {
  description = "Application ARN per job."
  value       = { for job, app in aws_kinesisanalyticsv2_application.job : job => app.arn }
}
