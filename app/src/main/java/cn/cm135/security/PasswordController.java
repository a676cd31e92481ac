package cn.cm135.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.web.ApiException;

/** {@code PUT /api/me/password}: the signed-in user replaces their own password. */
@RestController
@RequestMapping("/api/me/password")
@Tag(name = "个人密码", description = "当前登录用户修改自己的密码：所有登录用户都可以使用，包括尚未修改初始密码的用户。")
class PasswordController {

    static final int MIN_LENGTH = 8;

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final IdentityService identityService;

    PasswordController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Operation(summary = "修改本人密码", description = "校验当前密码后把当前登录用户的密码改为新密码，成功返回 204；"
            + "新密码少于 8 位、当前密码不正确或新密码与当前密码相同时返回 400。任何登录用户都可以修改自己的密码。")
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
