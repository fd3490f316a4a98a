package dev.recon.normalization.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for tests on a MiniCluster: the sink object is serialized into the job, so writers add to
 * a JVM-wide queue found by the sink's id.
 */
final class CollectingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Queue<Object>> RESULTS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  CollectingSink() {
    RESULTS.put(id, new ConcurrentLinkedQueue<>());
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    Queue<Object> queue = RESULTS.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        queue.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }

  @SuppressWarnings("unchecked")
  List<T> collected() {
    List<T> out = new ArrayList<>();
    RESULTS.get(id).forEach(o -> out.add((T) o));
    return out;
  }

  void release() {
    RESULTS.remove(id);
  }
}
