package dev.recon.app.pipeline;

import dev.recon.app.platform.KafkaConnection;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the pipeline runs: the Kafka cluster, the ledger database as the application role, and a
 * factory of Flink environments (a local MiniCluster or a remote cluster). Built from the platform
 * configuration; the pipeline code does not know whether any of them is embedded.
 */
public record PipelineContext(
    KafkaConnection kafka,
    int topicPartitions,
    short topicReplication,
    AppDatabase appDatabase,
    Supplier<StreamExecutionEnvironment> jobEnvironments) {

  /** Bootstrap servers of the cluster, for messages; clients connect with {@link #kafka()}. */
  public String kafkaBootstrap() {
    return kafka.bootstrap();
  }

  /** The ledger as the application role sees it (RLS applies): a data source and its login. */
  public record AppDatabase(DataSource dataSource, String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      return "AppDatabase[" + jdbcUrl + " as " + user + ", password=****]";
    }
  }
}
