output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies; subscribe pagers or chat integrations to it."
  value       = aws_sns_topic.alarms.arn
}
