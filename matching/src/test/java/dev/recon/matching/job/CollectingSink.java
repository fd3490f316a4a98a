package dev.recon.matching.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for MiniCluster tests: the sink object is serialized into the job, so what its writers
 * receive is kept in a JVM-wide registry under the sink's own id.
 */
final class CollectingSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;

  private static final Map<String, List<Object>> RECEIVED = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  CollectingSink() {
    RECEIVED.put(id, Collections.synchronizedList(new ArrayList<>()));
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    List<Object> received = RECEIVED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        received.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }

  /** What arrived, and forget it. */
  @SuppressWarnings("unchecked")
  List<T> drain() {
    List<Object> received = RECEIVED.remove(id);
    synchronized (received) {
      return (List<T>) List.copyOf(received);
    }
  }
}
