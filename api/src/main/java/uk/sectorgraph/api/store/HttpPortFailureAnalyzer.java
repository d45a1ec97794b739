package uk.sectorgraph.api.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Names the setting to change when the HTTP port is taken, as the store's own failures do. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class HttpPortFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
    return new FailureAnalysis("SERVER_PORT: port " + cause.getPort() + " is already in use.",
        "Stop the process using it, or set SERVER_PORT to another port, and start again.", cause);
  }
}
