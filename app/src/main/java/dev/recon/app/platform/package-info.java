/**
 * The platform recon runs on: Kafka, PostgreSQL and Flink, each either a configured server or an
 * embedded default started here on 127.0.0.1 and free ports.
 *
 * <ul>
 *   <li>{@link dev.recon.app.platform.PlatformConfigResolver} decides where each piece is: flags,
 *       then environment ({@code RECON_KAFKA}, {@code RECON_DB_URL}, ...), then the YAML config
 *       file ({@link dev.recon.app.platform.PlatformConfigFile}), then the embedded default.
 *   <li>{@link dev.recon.app.platform.Platform#start} starts what is embedded ({@link
 *       dev.recon.app.platform.EmbeddedKafkaBroker}, a KRaft broker from Kafka's production
 *       classes; {@link dev.recon.app.platform.EmbeddedPostgresServer}, PostgreSQL 17), runs the
 *       caller's database preparation (migrations, application login) and creates the topics
 *       ({@link dev.recon.app.platform.TopicProvisioner}).
 *   <li>{@link dev.recon.app.platform.FlinkEnvironments} gives each job its environment: a local
 *       MiniCluster or a remote JobManager.
 * </ul>
 *
 * Passwords never appear in {@code toString()}, logs or configuration errors.
 */
package dev.recon.app.platform;
