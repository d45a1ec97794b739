package uk.sectorgraph.importer.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source on a second thread, a few chunks ahead of the caller, so that reading (for CSV, the
 * lexer: about half of a re-import's parse time) overlaps what the caller does with each item
 * (parsing, hashing, writing). Items arrive in order; an exception the source throws reaches the
 * caller after the items before it. Memory is bounded: at most {@value #CHUNKS_AHEAD} chunks of
 * {@value #CHUNK} items wait. Close it (try-with-resources) so a caller that stops early stops the reader.
 */
public final class ReadAhead<T> implements Iterable<T>, AutoCloseable {

  static final int CHUNK = 1_000;
  static final int CHUNKS_AHEAD = 4;

  private record End() {}

  private record Failure(Throwable cause) {}

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
  private final Thread reader;
  private boolean iterated;

  public ReadAhead(Iterator<T> source, String name) {
    reader = Thread.ofPlatform().daemon().name("read-ahead " + name).start(() -> read(source));
  }

  private void read(Iterator<T> source) {
    List<T> chunk = new ArrayList<>(CHUNK);
    try {
      try {
        while (source.hasNext()) {
          chunk.add(source.next());
          if (chunk.size() == CHUNK) {
            queue.put(chunk);
            chunk = new ArrayList<>(CHUNK);
          }
        }
        if (!chunk.isEmpty()) {
          queue.put(chunk);
        }
        queue.put(new End());
      } catch (RuntimeException | Error e) {
        if (!chunk.isEmpty()) {
          queue.put(chunk); // the items read before the failure come first
        }
        queue.put(new Failure(e));
      }
    } catch (InterruptedException closedEarly) {
      Thread.currentThread().interrupt();
    }
  }

  /** Single use: the items in source order. */
  @Override
  public Iterator<T> iterator() {
    if (iterated) {
      throw new IllegalStateException("a ReadAhead can be iterated once");
    }
    iterated = true;
    return new Iterator<>() {
      private List<T> chunk = List.of();
      private int next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (next == chunk.size() && !ended) {
          Object taken = take();
          switch (taken) {
            case End end -> ended = true;
            case Failure failure -> {
              ended = true;
              throw rethrow(failure.cause());
            }
            default -> {
              @SuppressWarnings("unchecked")
              List<T> items = (List<T>) taken;
              chunk = items;
              next = 0;
            }
          }
        }
        return next < chunk.size();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunk.get(next++);
      }
    };
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for input", e);
    }
  }

  // The source's own exception, unchanged, so callers handle it exactly as without read-ahead.
  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return (RuntimeException) cause;
  }

  /** Stops the reader if the caller stopped early; waits for it so that nobody reads the source after. */
  @Override
  public void close() {
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
