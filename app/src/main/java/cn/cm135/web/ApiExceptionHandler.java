package cn.cm135.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.cm135.rules.Refusal;

/** Turns refusals into {@link ApiError} bodies; the transaction has rolled back by then. */
@RestControllerAdvice(basePackages = "cn.cm135")
class ApiExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return error(e.status(), e.field(), e.getMessage());
    }

    /** The engine refused the signed-in user: say so, rather than answer 500. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> engineRefused(AuthorizationException e) {
        return error(HttpStatus.FORBIDDEN, null, "没有权限：" + e.getMessage());
    }

    /** Two requests wrote the same record at once and this one lost: nobody's mistake, nothing saved, try again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ApiError> raced(ConcurrencyFailureException e) {
        return error(HttpStatus.CONFLICT, null, "该记录正被另一个请求同时修改，本次未保存；请刷新后重试");
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ApiError> refused(Refusal e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case LOCKED -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return error(status, e.field(), e.getMessage());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String field, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), field, message));
    }
}
