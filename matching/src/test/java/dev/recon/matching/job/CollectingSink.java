package dev.recon.matching.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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

  /**
   * How many elements that satisfy {@code test} have arrived so far at any collecting sink of this
   * JVM: a job's sources can wait on what its sinks have seen (see {@link BreakGate}).
   */
  static long countReceived(Predicate<Object> test) {
    long count = 0;
    for (List<Object> received : RECEIVED.values()) {
      synchronized (received) {
        count += received.stream().filter(test).count();
      }
    }
    return count;
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
