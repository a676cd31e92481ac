package cn.cm135.rules;

/**
 * A request that the method's rules refuse: a value out of range, a record already confirmed
 * (确定后不能修改), something that isn't there or isn't the caller's. {@code field} names the offending
 * input, or is null when the whole request is refused; the message is for the person who made it, in
 * 中文. The REST layer answers 400, 409, 404 or 403 by {@link Kind}; Tasklist shows the message.
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind { INVALID, LOCKED, NOT_FOUND, FORBIDDEN }

    private final Kind kind;
    private final String field;

    protected Refusal(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field, message);
    }

    public static Refusal locked(String message) {
        return new Refusal(Kind.LOCKED, null, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, null, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
