package uk.sectorgraph.importer.batch;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of one import. On a terminal: a progress bar over the input bytes (that is what we know the
 * total of up front) with rows and rows/s; ETA comes from the bytes. Without a terminal (cron, CI,
 * docker logs): one log line every {@code logEvery}, so logs stay readable.
 */
public final class Progress implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Progress.class);

  private final String task;
  private final long totalBytes;
  private final ProgressBar bar;
  private final long logEveryNanos;
  private final long started = System.nanoTime();
  private long lastLog = started;
  private long rows;
  private long bytes;

  private Progress(String task, long totalBytes, boolean console, Duration logEvery) {
    this.task = task;
    this.totalBytes = Math.max(totalBytes, 1);
    this.logEveryNanos = logEvery.toNanos();
    this.bar = console ? new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(this.totalBytes)
        .setUnit(" MB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .showSpeed()
        .build() : null;
  }

  /** A bar when {@code System.console() != null}, otherwise a log line every 10 seconds. */
  public static Progress start(String task, long totalBytes) {
    return new Progress(task, totalBytes, System.console() != null, Duration.ofSeconds(10));
  }

  public static Progress logging(String task, long totalBytes, Duration logEvery) {
    return new Progress(task, totalBytes, false, logEvery);
  }

  /** Called as rows are read: total rows so far and input bytes consumed so far. */
  public void update(long rowsSoFar, long bytesSoFar) {
    rows = rowsSoFar;
    bytes = bytesSoFar;
    long now = System.nanoTime();
    if (bar != null) {
      bar.stepTo(Math.min(bytesSoFar, totalBytes));
      if (rowsSoFar % 1000 == 0) {
        bar.setExtraMessage(String.format(Locale.ROOT, "%,d rows %,.0f rows/s", rowsSoFar, rate(now)));
      }
    } else if (now - lastLog >= logEveryNanos) {
      lastLog = now;
      double fraction = Math.min(1.0, (double) bytesSoFar / totalBytes);
      double elapsed = (now - started) / 1e9;
      long eta = fraction > 0 ? Math.round(elapsed / fraction - elapsed) : -1;
      log.info(String.format(Locale.ROOT, "%s: %,d rows, %,.0f rows/s, %.0f%% of input, ETA %s",
          task, rowsSoFar, rate(now), fraction * 100, eta < 0 ? "?" : eta + " s"));
    }
  }

  private double rate(long now) {
    return rows / Math.max((now - started) / 1e9, 1e-9);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(Math.min(bytes, totalBytes));
      bar.close();
    }
  }
}
