package uk.sectorgraph.analysis.io;

import java.io.IOException;

/**
 * An input-output CSV is not in the ONS IOAT layout, or a cell in it cannot be read. The message
 * always names the file, and the line and column where there is one, so a bad download can be
 * found without a debugger. It is an {@link IOException} because it is a fault in the input, like
 * a truncated file, not in the program.
 */
public class IoTableFormatException extends IOException {

  public IoTableFormatException(String message) {
    super(message);
  }

  public IoTableFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
