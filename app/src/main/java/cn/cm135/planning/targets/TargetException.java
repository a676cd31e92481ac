package cn.cm135.planning.targets;

/**
 * A request that the targets' rules refuse. {@code field} names the offending input (or is null
 * when the whole record is refused); the message is for the person who made the request.
 */
public class TargetException extends RuntimeException {

    public enum Kind { INVALID, LOCKED, NOT_FOUND, FORBIDDEN }

    private final Kind kind;
    private final String field;

    TargetException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
