package uk.sectorgraph.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Sector Graph server: GraphQL API and network explorer over the graph. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SectorGraphApplication {

  public static void main(String[] args) {
    SpringApplication.run(SectorGraphApplication.class, args);
  }
}
