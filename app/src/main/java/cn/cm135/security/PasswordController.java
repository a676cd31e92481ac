package cn.cm135.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.web.ApiException;

/** {@code PUT /api/me/password}: the signed-in user replaces their own password. */
@RestController
@RequestMapping("/api/me/password")
class PasswordController {

    static final int MIN_LENGTH = 8;

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final IdentityService identityService;

    PasswordController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @PutMapping
    ResponseEntity<Void> change(@RequestBody PasswordChange change, Authentication user) {
        String password = change.newPassword();
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.badRequest("newPassword", "新密码至少 " + MIN_LENGTH + " 位");
        }
        if (change.currentPassword() == null || !identityService.checkPassword(user.getName(), change.currentPassword())) {
            throw ApiException.badRequest("currentPassword", "当前密码不正确");
        }
        if (password.equals(change.currentPassword())) {
            throw ApiException.badRequest("newPassword", "新密码不能与当前密码相同");
        }
        User self = identityService.createUserQuery().userId(user.getName()).singleResult();
        self.setPassword(password);
        identityService.saveUser(self);
        return ResponseEntity.noContent().build();
    }
}
