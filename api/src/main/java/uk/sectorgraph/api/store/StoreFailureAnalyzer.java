package uk.sectorgraph.api.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import uk.sectorgraph.store.StoreStartupException;

/** Turns a store startup failure into one message that names the setting to change, not a stack trace. */
class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreStartupException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StoreStartupException cause) {
    return new FailureAnalysis("Sector Graph could not open its graph. " + cause.getMessage(),
        "Change the setting " + cause.setting() + " (environment variable) and start again.", cause);
  }
}
