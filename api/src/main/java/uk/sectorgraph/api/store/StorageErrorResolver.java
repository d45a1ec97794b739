package uk.sectorgraph.api.store;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.neo4j.driver.exceptions.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import uk.sectorgraph.api.SectorGraphProperties;

/**
 * Says in plain words when the store cannot keep a change, instead of an opaque INTERNAL_ERROR: a
 * write refused because the disk is nearly full ({@code storage: DISK_FULL}, recovers by itself), or
 * a database that Neo4j stopped after a failed write ({@code storage: RESTART_NEEDED}).
 */
@Component
class StorageErrorResolver extends DataFetcherExceptionResolverAdapter {

  private static final Logger log = LoggerFactory.getLogger(StorageErrorResolver.class);

  /** Neo4j's code for a commit it could not append to its transaction log (disk full, I/O error). */
  private static final String LOG_APPEND_FAILED = "Neo.DatabaseError.Transaction.TransactionLogError";
  /** What Neo4j answers to every transaction after that, until the DBMS restarts (it has no code of its own). */
  private static final String STOPPED = "needs to be restarted";

  private final DiskSpaceGuard diskSpace;
  private final boolean embedded;

  StorageErrorResolver(DiskSpaceGuard diskSpace, SectorGraphProperties properties) {
    this.diskSpace = diskSpace;
    this.embedded = properties.embedded();
  }

  @Override
  protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    if (ex instanceof StorageFullException) {
      log.warn(ex.getMessage());
      return error(env, ex.getMessage(), "DISK_FULL");
    }
    if (ex instanceof DatabaseException e && stopped(e)) {
      String message = stoppedMessage();
      log.error("{} (Neo4j: {})", message, e.getMessage());
      return error(env, message, "RESTART_NEEDED");
    }
    return null;
  }

  private static boolean stopped(DatabaseException e) {
    return LOG_APPEND_FAILED.equals(e.code()) || String.valueOf(e.getMessage()).contains(STOPPED);
  }

  private String stoppedMessage() {
    if (!embedded) {
      return "Neo4j stopped the database after a failed write; it needs a restart by whoever runs it (see its logs).";
    }
    String cause = diskSpace.looksFull()
        ? "its disk is full (" + DiskSpaceGuard.megabytes(diskSpace.freeBytes().orElse(0)) + " free). Free some space there"
        : "see logs/debug.log there. Fix the cause";
    return "The database stopped after a failed write to the data directory (" + diskSpace.directory().toAbsolutePath()
        + "): " + cause + ", then restart the server (should it stop, its message says how to repair the store); "
        + "every change acknowledged before is kept.";
  }

  private static GraphQLError error(DataFetchingEnvironment env, String message, String storage) {
    return GraphqlErrorBuilder.newError(env).message(message).errorType(ErrorType.INTERNAL_ERROR)
        .extensions(Map.of("storage", storage)).build();
  }
}
