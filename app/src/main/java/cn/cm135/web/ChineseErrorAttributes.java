package cn.cm135.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring's error page and error body ({@code /error}: a customer manager opening Cockpit, a wrong URL, a call
 * without credentials) in 中文: "error" becomes the Chinese name of the status and "message" says what to do,
 * instead of "Whitelabel Error Page" and {@code "error":"Unauthorized"}. The page is {@code templates/error.html}.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = attributes.get("status");
        int code = status instanceof Integer i ? i : 500;
        attributes.put("error", title(code));
        Object message = attributes.get("message");
        if (message == null || !message.toString().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            attributes.put("message", advice(code)); // keep a reason the app already gave in 中文
        }
        return attributes;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "请先登录";
            case 403 -> "没有权限";
            case 404 -> "页面不存在";
            case 405 -> "不支持此操作";
            case 409 -> "记录已锁定或已变更";
            case 413 -> "上传文件过大";
            default -> status >= 500 ? "服务器出错" : "请求未能完成";
        };
    }

    private static String advice(int status) {
        return switch (status) {
            case 401 -> "请使用用户名和密码登录后再试。";
            case 403 -> "您的账号没有访问此页面或数据的权限；如需开通，请联系营销中心或系统管理员。";
            case 404 -> "请检查地址是否正确，或从任务列表重新进入。";
            case 413 -> "文件超过系统允许的上传大小（默认 2GB，由系统管理员设置 CM135_MAX_UPLOAD），未导入任何数据；"
                    + "请按月份拆分文件后分批导入。";
            default -> status >= 500 ? "请稍后重试；如果问题持续，请联系系统管理员。" : "请检查输入后重试。";
        };
    }
}
