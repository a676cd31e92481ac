package cn.cm135.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size}: 413 in 中文, naming the limit. The multipart body
 * is parsed before any controller is chosen, so this advice has no package selector (the API's own advice is
 * bound to cn.cm135's controllers and never sees it); nothing has been read into the database by then.
 */
@RestControllerAdvice
class UploadLimitAdvice {

    private final DataSize limit;

    UploadLimitAdvice(@Value("${spring.servlet.multipart.max-file-size}") DataSize limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiError(413, "file",
                "上传文件过大：超过系统允许的 " + limit.toMegabytes() + " MB，未导入任何数据；请按月份拆分文件后分批导入，"
                        + "或请系统管理员调整 CM135_MAX_UPLOAD"));
    }
}
