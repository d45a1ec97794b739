package uk.sectorgraph.importer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void givesEveryItemInOrderAcrossChunks() {
    List<Integer> source = IntStream.range(0, ReadAhead.CHUNK * 3 + 7).boxed().toList();
    List<Integer> read = new ArrayList<>();
    try (ReadAhead<Integer> ahead = new ReadAhead<>(source.iterator(), "test")) {
      ahead.forEach(read::add);
    }
    assertThat(read).isEqualTo(source);
  }

  @Test
  void theSourcesExceptionArrivesAfterTheItemsBeforeIt() {
    Iterator<Integer> failing = new Iterator<>() {
      int n;

      @Override
      public boolean hasNext() {
        if (n == 1_500) {
          throw new UncheckedIOException(new IOException("line 1501: bad quoting"));
        }
        return true;
      }

      @Override
      public Integer next() {
        return n++;
      }
    };
    List<Integer> read = new ArrayList<>();
    try (ReadAhead<Integer> ahead = new ReadAhead<>(failing, "test")) {
      assertThatThrownBy(() -> ahead.forEach(read::add))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("line 1501: bad quoting");
    }
    assertThat(read).hasSize(1_500).endsWith(1_499);
  }

  @Test
  void closingEarlyStopsTheReader() {
    AtomicInteger produced = new AtomicInteger();
    Iterator<Integer> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        return produced.incrementAndGet();
      }
    };
    try (ReadAhead<Integer> ahead = new ReadAhead<>(endless, "test")) {
      Iterator<Integer> it = ahead.iterator();
      for (int i = 0; i < 10; i++) {
        it.next();
      }
    }
    int afterClose = produced.get();
    assertThat(afterClose).isLessThanOrEqualTo(ReadAhead.CHUNK * (ReadAhead.CHUNKS_AHEAD + 2)); // bounded, not endless
    assertThat(produced.get()).isEqualTo(afterClose); // close() returned only once the reader had stopped
  }
}
