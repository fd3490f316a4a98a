# Private subnets for everything: the jobs, brokers and database talk to each other and to AWS APIs
# through VPC endpoints. Only the platform's connectors need the internet (PSP APIs, SFTP, IMAP):
# with internet_egress, a NAT gateway in a public subnet, and egress rules on the platform group only.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  # AWS APIs the Flink applications and the platform call from inside the VPC.
  interface_endpoints = ["secretsmanager", "logs", "monitoring", "kms", "sts", "kafka"]
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(var.tags, { Name = var.name })
}

resource "aws_subnet" "private" {
  count             = var.az_count
  vpc_id            = aws_vpc.this.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(var.cidr_block, 4, count.index)
  tags              = merge(var.tags, { Name = "${var.name}-private-${local.azs[count.index]}", Tier = "private" })
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-private" })
}

resource "aws_route_table_association" "private" {
  count          = var.az_count
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_subnet" "public" {
  count             = var.internet_egress ? 1 : 0
  vpc_id            = aws_vpc.this.id
  availability_zone = local.azs[0]
  cidr_block        = cidrsubnet(var.cidr_block, 8, 255)
  tags              = merge(var.tags, { Name = "${var.name}-public-nat", Tier = "public" })
}

resource "aws_internet_gateway" "this" {
  count  = var.internet_egress ? 1 : 0
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = var.name })
}

resource "aws_route_table" "public" {
  count  = var.internet_egress ? 1 : 0
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-public" })
}

resource "aws_route" "public_internet" {
  count                  = var.internet_egress ? 1 : 0
  route_table_id         = aws_route_table.public[0].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this[0].id
}

resource "aws_route_table_association" "public" {
  count          = var.internet_egress ? 1 : 0
  subnet_id      = aws_subnet.public[0].id
  route_table_id = aws_route_table.public[0].id
}

# One NAT gateway: only connectors use it, and a poll missed during an AZ outage is retried later.
resource "aws_eip" "nat" {
  count  = var.internet_egress ? 1 : 0
  domain = "vpc"
  tags   = merge(var.tags, { Name = "${var.name}-nat" })
}

resource "aws_nat_gateway" "this" {
  count         = var.internet_egress ? 1 : 0
  allocation_id = aws_eip.nat[0].id
  subnet_id     = aws_subnet.public[0].id
  tags          = merge(var.tags, { Name = var.name })
  depends_on    = [aws_internet_gateway.this]
}

resource "aws_route" "private_internet" {
  count                  = var.internet_egress ? 1 : 0
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[0].id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]
  tags              = merge(var.tags, { Name = "${var.name}-s3" })
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(local.interface_endpoints)
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
  tags                = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

# One security group per role; rules name their peer group, never a CIDR, so access follows roles.
resource "aws_security_group" "flink" {
  name        = "${var.name}-flink"
  description = "Flink applications (normalization, matching + ledger sink)"
  vpc_id      = aws_vpc.this.id
  tags        = merge(var.tags, { Name = "${var.name}-flink" })
}

resource "aws_security_group" "platform" {
  name        = "${var.name}-platform"
  description = "recon run: connectors, HTTP API and UI, exports"
  vpc_id      = aws_vpc.this.id
  tags        = merge(var.tags, { Name = "${var.name}-platform" })
}

resource "aws_security_group" "msk" {
  name        = "${var.name}-msk"
  description = "MSK brokers, reachable from Flink and the platform over IAM-authenticated TLS"
  vpc_id      = aws_vpc.this.id
  tags        = merge(var.tags, { Name = "${var.name}-msk" })
}

resource "aws_security_group" "rds" {
  name        = "${var.name}-rds"
  description = "PostgreSQL ledger, reachable from Flink and the platform"
  vpc_id      = aws_vpc.this.id
  tags        = merge(var.tags, { Name = "${var.name}-rds" })
}

resource "aws_security_group" "endpoints" {
  name        = "${var.name}-endpoints"
  description = "Interface VPC endpoints (HTTPS from inside the VPC)"
  vpc_id      = aws_vpc.this.id
  tags        = merge(var.tags, { Name = "${var.name}-endpoints" })
}

locals {
  clients = {
    flink    = aws_security_group.flink.id
    platform = aws_security_group.platform.id
  }
  # MSK with IAM access control listens on 9098 (TLS + SASL/IAM) inside the VPC.
  msk_iam_port  = 9098
  postgres_port = 5432
}

resource "aws_vpc_security_group_ingress_rule" "msk_from_clients" {
  for_each                     = local.clients
  security_group_id            = aws_security_group.msk.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = local.msk_iam_port
  to_port                      = local.msk_iam_port
  description                  = "Kafka (IAM auth) from ${each.key}"
  tags                         = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "rds_from_clients" {
  for_each                     = local.clients
  security_group_id            = aws_security_group.rds.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = local.postgres_port
  to_port                      = local.postgres_port
  description                  = "PostgreSQL from ${each.key}"
  tags                         = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_from_vpc" {
  security_group_id = aws_security_group.endpoints.id
  cidr_ipv4         = var.cidr_block
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to AWS APIs from inside the VPC"
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "clients_to_msk" {
  for_each                     = local.clients
  security_group_id            = each.value
  referenced_security_group_id = aws_security_group.msk.id
  ip_protocol                  = "tcp"
  from_port                    = local.msk_iam_port
  to_port                      = local.msk_iam_port
  description                  = "Kafka (IAM auth)"
  tags                         = var.tags
}

resource "aws_vpc_security_group_egress_rule" "clients_to_rds" {
  for_each                     = local.clients
  security_group_id            = each.value
  referenced_security_group_id = aws_security_group.rds.id
  ip_protocol                  = "tcp"
  from_port                    = local.postgres_port
  to_port                      = local.postgres_port
  description                  = "PostgreSQL"
  tags                         = var.tags
}

resource "aws_vpc_security_group_egress_rule" "clients_to_endpoints" {
  for_each                     = local.clients
  security_group_id            = each.value
  referenced_security_group_id = aws_security_group.endpoints.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  description                  = "AWS APIs through interface endpoints"
  tags                         = var.tags
}

resource "aws_vpc_security_group_egress_rule" "clients_to_s3" {
  for_each          = local.clients
  security_group_id = each.value
  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "S3 through the gateway endpoint"
  tags              = var.tags
}

# Connectors only: HTTPS (PSP APIs), SFTP, IMAPS. The Flink group has no rule to the internet, so
# even with the NAT route a job cannot reach it.
resource "aws_vpc_security_group_egress_rule" "platform_to_internet" {
  for_each          = toset(var.internet_egress ? ["443", "22", "993"] : [])
  security_group_id = aws_security_group.platform.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = tonumber(each.key)
  to_port           = tonumber(each.key)
  description       = "Connectors to providers on port ${each.key}"
  tags              = var.tags
}
