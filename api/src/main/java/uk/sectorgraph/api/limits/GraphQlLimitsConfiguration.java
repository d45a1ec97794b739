package uk.sectorgraph.api.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.sectorgraph.api.SectorGraphProperties;

/**
 * Depth and complexity are checked on the parsed query before any data fetcher runs, so a query over
 * a limit never reaches the database. Complexity multiplies: a field asking for {@code first: 100}
 * costs 100 times what is under it, which is what makes nested lists expensive.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimitsConfiguration {

  @Bean
  Instrumentation maxDepth(SectorGraphProperties properties) {
    return new MaxQueryDepthInstrumentation(properties.limits().maxDepth()) {
      @Override
      protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return new AbortExecutionException("Query depth " + depth + " is over the limit of " + maxDepth
            + " (limit max-depth)");
      }
    };
  }

  @Bean
  Instrumentation maxComplexity(SectorGraphProperties properties) {
    return new MaxQueryComplexityInstrumentation(properties.limits().maxComplexity(), listSizeMultiplies()) {
      @Override
      protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
        return new AbortExecutionException("Query complexity " + complexity + " is over the limit of " + maxComplexity
            + " (limit max-complexity); ask for smaller pages or fewer nested lists");
      }
    };
  }

  static FieldComplexityCalculator listSizeMultiplies() {
    return (env, childComplexity) -> {
      Object first = env.getArguments().get("first");
      Object last = env.getArguments().get("last");
      int size = first instanceof Integer f ? f : last instanceof Integer l ? l : 1;
      return (1 + childComplexity) * Math.max(1, size);
    };
  }
}
