package uk.sectorgraph.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the token's SHA-256 is looked up among the configured ones,
 * so the server never holds a token in clear. An unknown token is refused outright, not treated as anonymous.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private final UserAccounts accounts;

  ApiTokenFilter(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      var owner = accounts.ownerOfToken(header.substring(7).trim());
      if (owner.isEmpty()) {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Unknown API token");
        return;
      }
      var authentication = new UsernamePasswordAuthenticationToken("token:" + owner.get().name(), null,
          List.of(new SimpleGrantedAuthority(owner.get().role().authority())));
      SecurityContextHolder.getContext().setAuthentication(authentication);
    }
    chain.doFilter(request, response);
  }
}
