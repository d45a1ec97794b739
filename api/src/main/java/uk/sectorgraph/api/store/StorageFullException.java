package uk.sectorgraph.api.store;

/** A write refused before it reached Neo4j because the store's disk is nearly full; the message says what to do. */
public class StorageFullException extends RuntimeException {

  StorageFullException(String message) {
    super(message);
  }
}
