package uk.sectorgraph.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

class DataLoadingNoticeTest {

  @Test
  void whileDataLoadsEveryAnswerSaysItMayBeIncompleteAndKeepsItsOtherExtensions() {
    DataLoading loading = new DataLoading(null, true); // not started: still LOADING
    ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of("n", 0))
        .extensions(Map.of("cost", 3)).build();
    WebGraphQlResponse answer = new WebGraphQlResponse(
        new DefaultExecutionGraphQlResponse(ExecutionInput.newExecutionInput("{ n }").build(), result));

    WebGraphQlResponse noticed = new DataLoadingNotice(loading).intercept(null, request -> Mono.just(answer)).block();

    assertThat(noticed.getExtensions()).containsEntry(DataLoadingNotice.EXTENSION, DataLoadingNotice.MESSAGE)
        .containsEntry("cost", 3);
    assertThat(noticed.<Map<String, Object>>getData()).isEqualTo(Map.of("n", 0));
  }
}
