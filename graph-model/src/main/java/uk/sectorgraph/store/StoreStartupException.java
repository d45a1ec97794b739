package uk.sectorgraph.store;

/** A startup failure that names the setting a user has to change, so one line of log says what to do. */
public class StoreStartupException extends RuntimeException {

  private final String setting;

  public StoreStartupException(String setting, String problem) {
    this(setting, problem, null);
  }

  public StoreStartupException(String setting, String problem, Throwable cause) {
    super(setting + ": " + problem, cause);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
