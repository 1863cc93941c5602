package org.saraban.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which claim of an OIDC access token names the person (matched to the directory's username). */
@ConfigurationProperties(prefix = "saraban.oidc")
public record OidcProperties(String usernameClaim) {
    public OidcProperties {
        usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
    }
}
