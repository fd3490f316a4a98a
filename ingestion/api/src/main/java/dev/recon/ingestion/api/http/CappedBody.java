package dev.recon.ingestion.api.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and stops reading (cancels the stream) as soon as the
 * limit is passed, so an oversized or endless body costs at most the limit in memory. A declared
 * Content-Length over the limit is refused before the first byte is read.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Result> {

  /** The body, or no bytes at all when it was over the limit. */
  static final class Result {
    private final byte[] bytes;

    private Result(byte[] bytes) {
      this.bytes = bytes;
    }

    static Result overLimit() {
      return new Result(null);
    }

    boolean isOverLimit() {
      return bytes == null;
    }

    /** The body as received; only for a result within the limit. */
    byte[] bytes() {
      if (bytes == null) {
        throw new IllegalStateException("an over-limit body was not kept");
      }
      return bytes;
    }
  }

  static HttpResponse.BodyHandler<Result> handler(long limit) {
    return info -> {
      long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
      return new CappedBody(limit, declared > limit);
    };
  }

  private final long limit;
  private final boolean refuseAtOnce;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private CappedBody(long limit, boolean refuseAtOnce) {
    this.limit = limit;
    this.refuseAtOnce = refuseAtOnce;
  }

  @Override
  public CompletionStage<Result> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (refuseAtOnce) {
      s.cancel();
      result.complete(Result.overLimit());
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      if (buffer.size() + (long) item.remaining() > limit) {
        subscription.cancel();
        result.complete(Result.overLimit());
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(new Result(buffer.toByteArray()));
  }
}
