package uk.sectorgraph.api.analysis;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code JSON} scalar: analysis inputs and figures are records and maps of varying shape, shown
 * as plain JSON so that every number in a result can be traced without a type per figure. Output only.
 */
@Configuration(proxyBeanMethods = false)
class JsonScalar {

  @Bean
  RuntimeWiringConfigurer jsonScalarWiring() {
    JsonMapper mapper = JsonMapper.builder().build();
    GraphQLScalarType json = GraphQLScalarType.newScalar()
        .name("JSON")
        .description("Arbitrary JSON")
        .coercing(new Coercing<Object, Object>() {
          @Override
          public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return mapper.convertValue(value, Object.class);
          }

          @Override
          public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
          }

          @Override
          public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            throw new CoercingParseLiteralException("JSON is an output type only");
          }
        })
        .build();
    return wiring -> wiring.scalar(json);
  }
}
