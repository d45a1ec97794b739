package uk.sectorgraph.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import uk.sectorgraph.api.SectorGraphProperties;

/**
 * HTTP Basic and API tokens, stateless. Reads may be anonymous (a local demo); every write is checked
 * again per GraphQL mutation by method security, so opening reads never opens writes.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  UserAccounts userAccounts(SectorGraphProperties properties) {
    return new UserAccounts(properties);
  }

  @Bean
  UserDetailsService userDetailsService(UserAccounts accounts) {
    return new InMemoryUserDetailsManager(accounts.users());
  }

  @Bean
  org.springframework.security.crypto.password.PasswordEncoder passwordEncoder(UserAccounts accounts) {
    return accounts.encoder();
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_EDITOR\nROLE_EDITOR > ROLE_ANALYST");
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccounts accounts, SectorGraphProperties properties)
      throws Exception {
    boolean anonymousReads = properties.anonymousReadsAllowed();
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(Customizer.withDefaults())
        .addFilterBefore(new ApiTokenFilter(accounts), BasicAuthenticationFilter.class)
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")))
        .authorizeHttpRequests(auth -> {
          auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll();
          auth.requestMatchers("/", "/index.html", "/explorer/**", "/webjars/**", "/graphiql/**", "/favicon.ico",
              "/error").permitAll();
          auth.requestMatchers("/api/uploads/grants").hasRole("ADMIN");
          auth.requestMatchers("/api/uploads/**").hasRole("EDITOR");
          if (anonymousReads) {
            auth.requestMatchers("/graphql", "/graphql/schema").permitAll();
          } else {
            auth.requestMatchers("/graphql", "/graphql/schema").hasRole("ANALYST");
          }
          auth.anyRequest().authenticated();
        });
    return http.build();
  }
}
