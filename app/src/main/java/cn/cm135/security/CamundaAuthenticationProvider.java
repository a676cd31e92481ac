package cn.cm135.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import cn.cm135.organization.InitialPasswordPolicy;

/** Checks a user name and password against Camunda's users; the user's groups become authorities. */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

    /** The only authority of a user who still has an imported initial password. */
    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private final IdentityService identityService;
    private final InitialPasswordPolicy initialPasswords;

    CamundaAuthenticationProvider(IdentityService identityService, InitialPasswordPolicy initialPasswords) {
        this.identityService = identityService;
        this.initialPasswords = initialPasswords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return authenticated(userId);
    }

    /**
     * The authentication of a user whose identity is already proven (password, or a Camunda webapp login):
     * their groups as authorities, read afresh, or only {@link #PASSWORD_CHANGE_REQUIRED}.
     */
    Authentication authenticated(String userId) {
        if (initialPasswords.mustChangePassword(userId)) {
            return UsernamePasswordAuthenticationToken.authenticated(userId, null,
                    List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED)));
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
